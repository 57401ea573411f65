using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Telemetry.HomeAssistant;
using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Threading;
using Microsoft.Extensions.Hosting;

namespace GateController.Telemetry;

/// <summary>
/// The unit's MQTT side: status (retained, last will), health (retained, periodic and on change), events
/// from a bounded outbox, authenticated commands and optional Home Assistant discovery. Offline first:
/// <see cref="Enqueue"/> only touches the in-memory outbox; a background thread publishes when connected.
/// The door path must not feel telemetry: events are published in batches (at most one pass per
/// <see cref="TelemetryOptions.EventBatchInterval"/>) by a dedicated thread that serialises into one reused buffer, and
/// that thread and libmosquitto's network thread run at <see cref="TelemetryOptions.BackgroundThreadNice"/>.
/// </summary>
public sealed class TelemetryService : BackgroundService, IDiagnosticsSink
{
    private static readonly TimeSpan StopAcknowledgeTimeout = TimeSpan.FromSeconds(3);
    private readonly TelemetryOptions _options;
    private readonly Func<HealthDocument> _healthSource;
    private readonly TimeProvider _timeProvider;
    private readonly TelemetryOutbox _outbox;
    private readonly CommandProcessor _commands;
    private readonly Channel<CommandCheck> _acceptedCommands;
    private static readonly TimeSpan DrainIdleBeforeSleep = TimeSpan.FromSeconds(1);
    private readonly ManualResetEventSlim _drainWake = new(false, 0);
    private readonly WakeSignal _healthSignal = new();
    private readonly DateTimeOffset _startedAt;
    private readonly Lock _clientLock = new();
    private MosquittoClient? _client;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _acknowledgedWhileStopping = new();
    private readonly WakeSignal _acknowledgeSignal = new();
    private int _stopping;
    private int _connected;
    private int _inflight;
    private int _drainWaitingForAcknowledgement;
    private int _drainThreadId;
    private int _networkThreadId;
    private int _drainInBatchWindow;
    private int _drainSleeping;
    private long _drainPasses;
    private long _drainLooks;
    private long _publishedEvents;
    private long _connectCount;
    private long _healthPublished;
    private long _connectionRestarts;
    private string? _lastError;
    private long _lastConnectionChangeTicks;
    private ITimer? _healthTimer;

    /// <summary>Creates the service.</summary>
    /// <param name="options">Telemetry options; validated here (throws <see cref="ArgumentException"/> listing every problem).</param>
    /// <param name="healthSource">Builds the current health document (called off the door path).</param>
    /// <param name="handlers">Command handlers.</param>
    /// <param name="audit">Receives one record per command.</param>
    /// <param name="timeProvider">The clock.</param>
    public TelemetryService(TelemetryOptions options, Func<HealthDocument> healthSource, TelemetryCommandHandlers handlers, Action<CommandAuditRecord> audit, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(healthSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid telemetry options: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _healthSource = healthSource;
        _timeProvider = timeProvider;
        _startedAt = timeProvider.GetUtcNow();
        _lastConnectionChangeTicks = _startedAt.UtcTicks;
        Topics = new TelemetryTopics(options.UnitId);
        _outbox = new TelemetryOutbox(options.EventQueueCapacity);
        _commands = new CommandProcessor(options, handlers, PublishHealthNowAsync, audit, timeProvider);
        _acceptedCommands = Channel.CreateBounded<CommandCheck>(new BoundedChannelOptions(options.CommandQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Raised (on the network thread) when the connection comes up or goes down; read <see cref="IsConnected"/>.</summary>
    public event EventHandler? ConnectionChanged;

    /// <summary>Raised for every error line of libmosquitto (TLS and connection failures); see <see cref="LastError"/>.</summary>
    public event EventHandler<MqttLogEventArgs>? ErrorLogged;

    /// <summary>The last error libmosquitto logged, for the unit's health (degraded "mqtt"), or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>The unit's topics.</summary>
    public TelemetryTopics Topics { get; }

    /// <summary>Whether the broker has accepted the connection and it is up.</summary>
    public bool IsConnected => Volatile.Read(ref _connected) == 1;

    /// <summary>How many times the broker accepted a connection.</summary>
    public long ConnectCount => Interlocked.Read(ref _connectCount);

    /// <summary>How many times the supervisor restarted the connection and network loop.</summary>
    public long ConnectionRestarts => Interlocked.Read(ref _connectionRestarts);

    /// <summary>Events waiting in the outbox.</summary>
    public int QueuedEvents => _outbox.Count;

    /// <summary>Non-alarm events dropped because the outbox was full.</summary>
    public long DroppedEvents => _outbox.DroppedEvents;

    /// <summary>Alarms dropped (only when the outbox was full of alarms).</summary>
    public long DroppedAlarms => _outbox.DroppedAlarms;

    /// <summary>Events handed to the broker.</summary>
    public long PublishedEvents => Interlocked.Read(ref _publishedEvents);

    /// <summary>Health documents published.</summary>
    public long HealthPublished => Interlocked.Read(ref _healthPublished);

    /// <summary>The kernel id of the thread publishing events (0 before it started, or elsewhere than Linux).</summary>
    internal int DrainThreadId => Volatile.Read(ref _drainThreadId);

    /// <summary>The kernel id of libmosquitto's network thread, known once it reported a connection (0 before).</summary>
    internal int NetworkThreadId => Volatile.Read(ref _networkThreadId);

    /// <summary>Publishing passes that sent at least one event.</summary>
    internal long DrainPasses => Interlocked.Read(ref _drainPasses);

    /// <summary>Publishing passes, with or without events to send.</summary>
    internal long DrainLooks => Interlocked.Read(ref _drainLooks);

    /// <summary>Whether the publishing thread is waiting for the batch interval to end before its next pass.</summary>
    internal bool DrainInBatchWindow => Volatile.Read(ref _drainInBatchWindow) == 1;

    /// <inheritdoc />
    /// <remarks>
    /// While events flow, the publishing thread looks at the queue every <see cref="TelemetryOptions.EventBatchInterval"/>
    /// by itself, so this wakes no thread: the caller (the door path) is not interrupted by the publishing it causes.
    /// Only the first event after a second without events wakes the sleeping publisher.
    /// </remarks>
    public void Enqueue(TelemetryEvent telemetryEvent)
    {
        _outbox.Enqueue(telemetryEvent);
        if (Interlocked.CompareExchange(ref _drainSleeping, 0, 1) == 1)
        {
            WakeDrain();
        }
    }

    /// <inheritdoc />
    public void NotifyHealthChanged() => _healthSignal.Set();

    /// <summary>How many technicians may command the unit now.</summary>
    public int TechnicianCount => _commands.TechnicianCount;

    /// <summary>
    /// Replaces the technicians allowed to send commands, at once and without a restart (see
    /// <see cref="CommandProcessor.ReplaceTechnicians"/>); throws <see cref="ArgumentException"/> for an invalid set.
    /// </summary>
    public void ReplaceTechnicians(IEnumerable<TechnicianKey> technicians) => _commands.ReplaceTechnicians(technicians);

    /// <summary>
    /// Applies the settings that can change while running: the health interval (the next health document is published
    /// at once and then at the new interval), whether events carry resident ids, and Home Assistant discovery (turned on,
    /// its configuration is published; turned off, its retained configuration is cleared).
    /// </summary>
    public void ApplyLiveSettings(TelemetryLiveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.HealthInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"{nameof(settings.HealthInterval)} must be at least 1 s", nameof(settings));
        }

        var discoveryWas = _options.HomeAssistantDiscovery;
        _options.PublishResidentIds = settings.PublishResidentIds;
        _options.HealthInterval = settings.HealthInterval;
        _options.HomeAssistantDiscovery = settings.HomeAssistantDiscovery;
        Volatile.Read(ref _healthTimer)?.Change(settings.HealthInterval, settings.HealthInterval);
        MosquittoClient? client;
        lock (_clientLock)
        {
            client = _client;
        }

        if (client is not null && IsConnected && discoveryWas != settings.HomeAssistantDiscovery)
        {
            if (settings.HomeAssistantDiscovery)
            {
                client.Subscribe(HomeAssistantDiscovery.StatusTopic(_options.HomeAssistantPrefix), MqttQualityOfService.AtLeastOnce);
                PublishDiscovery(client);
            }
            else
            {
                foreach (var (topic, _) in HomeAssistantDiscovery.Build(Topics, _options.HomeAssistantPrefix, _options.FirmwareVersion))
                {
                    TryPublishCounted(client, topic, [], retain: true, out _);
                }
            }
        }

        _healthSignal.Set();
    }

    /// <summary>Publishes <c>stopped</c> (retained) and waits for the broker's acknowledgement, then disconnects.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        MosquittoClient? client;
        lock (_clientLock)
        {
            client = _client;
            _client = null;
        }

        if (client is null)
        {
            return;
        }

        try
        {
            if (IsConnected)
            {
                Volatile.Write(ref _stopping, 1);
                if (TryPublishCounted(client, Topics.Status, Encoding.UTF8.GetBytes(TelemetryStatus.Stopped), retain: true, out var messageId))
                {
                    using var timeout = new CancellationTokenSource(StopAcknowledgeTimeout, _timeProvider);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
                    try
                    {
                        while (!_acknowledgedWhileStopping.ContainsKey(messageId))
                        {
                            await _acknowledgeSignal.WaitAsync(linked.Token);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // The broker did not acknowledge in time; disconnect anyway.
                    }
                }
            }

            client.Disconnect();
        }
        catch (MosquittoException)
        {
            // Shutting down: a broker error changes nothing now.
        }
        finally
        {
            Volatile.Write(ref _connected, 0);
            client.Dispose();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        lock (_clientLock)
        {
            _client?.Dispose();
            _client = null;
        }

        _drainWake.Dispose();
        _healthSignal.Dispose();
        _acknowledgeSignal.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        MosquittoClient client;
        try
        {
            client = CreateClient();
        }
        catch (MosquittoException exception)
        {
            // Telemetry cannot start (e.g. an unreadable certificate); the unit keeps running without it.
            Volatile.Write(ref _lastError, exception.Message);
            return;
        }

        lock (_clientLock)
        {
            _client = client;
        }

        await ConnectAsync(client, stoppingToken);
        using var healthTimer = _timeProvider.CreateTimer(_ => _healthSignal.Set(), null, _options.HealthInterval, _options.HealthInterval);
        Volatile.Write(ref _healthTimer, healthTimer);
        await Task.WhenAll(
            SuperviseAsync(client, stoppingToken),
            StartDrainThread(client, stoppingToken),
            HealthLoopAsync(stoppingToken),
            CommandLoopAsync(client, stoppingToken));
    }

    private MosquittoClient CreateClient()
    {
        var client = new MosquittoClient(_options.ClientId ?? "gatecontroller-" + _options.UnitId, cleanSession: true);
        try
        {
            client.SetWill(Topics.Status, Encoding.UTF8.GetBytes(TelemetryStatus.Offline), MqttQualityOfService.AtLeastOnce, retain: true);
            client.SetReconnectDelay(_options.ReconnectDelayMinimum, _options.ReconnectDelayMaximum, exponentialBackoff: true);
            client.SetMaximumInflightMessages(_options.MaximumInflightMessages);
            if (_options.Username is not null)
            {
                client.SetCredentials(_options.Username, _options.Password);
            }

            if (_options.TlsCaFile is not null)
            {
                client.ConfigureTls(_options.TlsCaFile, _options.TlsCertificateFile, _options.TlsKeyFile);
            }

            client.Connected += OnConnected;
            client.Disconnected += OnDisconnected;
            client.Published += OnPublished;
            client.MessageReceived += OnMessage;
            client.LogReceived += OnLog;
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task ConnectAsync(MosquittoClient client, CancellationToken stoppingToken)
    {
        // libmosquitto's loop reconnects established connections by itself, but not a first connect
        // that failed: retry that here with the same backoff.
        var delay = _options.ReconnectDelayMinimum;
        while (!client.TryStartConnect(_options.BrokerHost, _options.BrokerPort, _options.KeepAliveSeconds, out _))
        {
            await Task.Delay(delay, _timeProvider, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectDelayMaximum.Ticks));
        }

        client.StartLoop();
    }

    /// <summary>
    /// libmosquitto's loop thread ends for good on some errors (a TLS failure, a name lookup failure) while
    /// reconnecting. When the unit has been offline for longer than the supervision period, start the
    /// connection and the loop again; harmless when the loop is merely waiting to retry.
    /// </summary>
    private async Task SuperviseAsync(MosquittoClient client, CancellationToken stoppingToken)
    {
        var period = SupervisionPeriod;
        using var timer = new PeriodicTimer(period, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (IsConnected || _timeProvider.GetUtcNow() - LastConnectionChange < period)
                {
                    continue;
                }

                var reconnect = false;
                lock (_clientLock)
                {
                    if (_client is null || stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }

                    try
                    {
                        client.Disconnect();
                        client.StopLoop();
                        reconnect = true;
                    }
                    catch (MosquittoException)
                    {
                        // Retried on the next tick.
                    }

                    Interlocked.Increment(ref _connectionRestarts);
                    Interlocked.Exchange(ref _lastConnectionChangeTicks, _timeProvider.GetUtcNow().UtcTicks);
                }

                if (reconnect)
                {
                    // A broker still away refuses the connect: keep trying with the reconnect backoff (not only on the
                    // next tick), so the unit is back within the longest reconnect delay of the broker's return.
                    try
                    {
                        await ConnectAsync(client, stoppingToken);
                    }
                    catch (MosquittoException)
                    {
                        // Retried on the next tick.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private TimeSpan SupervisionPeriod => TimeSpan.FromTicks(Math.Max(_options.ReconnectDelayMaximum.Ticks * 4, TimeSpan.FromSeconds(10).Ticks));

    private DateTimeOffset LastConnectionChange => new(Interlocked.Read(ref _lastConnectionChangeTicks), TimeSpan.Zero);

    private void OnConnected(object? sender, MqttConnectionEventArgs e)
    {
        if (e.ResultCode != 0 || sender is not MosquittoClient client)
        {
            return;
        }

        LowerBackgroundThreadPriority(ref _networkThreadId);
        Volatile.Write(ref _inflight, 0);
        Volatile.Write(ref _connected, 1);
        Interlocked.Exchange(ref _lastConnectionChangeTicks, _timeProvider.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _connectCount);
        // Subscribe first: the broker handles one connection's packets in order, so a technician who sees "online"
        // finds the unit already listening for commands.
        client.Subscribe(Topics.CommandFilter, MqttQualityOfService.AtLeastOnce);
        TryPublishCounted(client, Topics.Status, Encoding.UTF8.GetBytes(TelemetryStatus.Online), retain: true, out _);
        if (_options.HomeAssistantDiscovery)
        {
            client.Subscribe(HomeAssistantDiscovery.StatusTopic(_options.HomeAssistantPrefix), MqttQualityOfService.AtLeastOnce);
            PublishDiscovery(client);
        }

        _healthSignal.Set();
        WakeDrain();
        ConnectionChanged?.Invoke(this, EventArgs.Empty);
    }

    private void OnLog(object? sender, MqttLogEventArgs e)
    {
        if ((e.Level & MqttLogEventArgs.LevelError) != 0)
        {
            Volatile.Write(ref _lastError, e.Text);
            ErrorLogged?.Invoke(this, e);
        }
    }

    private void OnDisconnected(object? sender, MqttConnectionEventArgs e)
    {
        Volatile.Write(ref _connected, 0);
        Interlocked.Exchange(ref _lastConnectionChangeTicks, _timeProvider.GetUtcNow().UtcTicks);
        ConnectionChanged?.Invoke(this, EventArgs.Empty);
    }

    private void OnPublished(object? sender, MqttPublishedEventArgs e)
    {
        if (Volatile.Read(ref _stopping) == 1)
        {
            _acknowledgedWhileStopping[e.MessageId] = true;
            _acknowledgeSignal.Set();
        }

        if (Interlocked.Decrement(ref _inflight) < 0)
        {
            Interlocked.Exchange(ref _inflight, 0);
        }

        // Only a drain stopped by the in-flight limit needs this acknowledgement; waking it for every one would cost a
        // thread wake-up per event.
        if (Interlocked.Exchange(ref _drainWaitingForAcknowledgement, 0) == 1)
        {
            WakeDrain();
        }
    }

    private void OnMessage(object? sender, MqttMessageEventArgs e)
    {
        if (sender is not MosquittoClient client)
        {
            return;
        }

        var message = e.Message;
        if (_options.HomeAssistantDiscovery && message.Topic == HomeAssistantDiscovery.StatusTopic(_options.HomeAssistantPrefix))
        {
            if (message.Payload.Span.SequenceEqual("online"u8))
            {
                PublishDiscovery(client);
                _healthSignal.Set();
            }

            return;
        }

        var command = Topics.CommandName(message.Topic);
        if (command is null)
        {
            return;
        }

        var check = _commands.Check(command, message);
        if (!check.Accepted)
        {
            PublishReply(client, check.Refusal!);
        }
        else if (!_acceptedCommands.Writer.TryWrite(check))
        {
            PublishReply(client, _commands.Busy(check));
        }
    }

    private bool TryPublishCounted(MosquittoClient client, string topic, ReadOnlySpan<byte> payload, bool retain, out int messageId)
    {
        // Count first: the acknowledgement may arrive on the network thread before TryPublish returns.
        Interlocked.Increment(ref _inflight);
        if (client.TryPublish(topic, payload, MqttQualityOfService.AtLeastOnce, retain, out messageId, out _))
        {
            return true;
        }

        Interlocked.Decrement(ref _inflight);
        return false;
    }

    private void PublishReply(MosquittoClient client, CommandReply reply)
    {
        var topic = TelemetryOptions.IsValidUnitId(reply.Command) ? Topics.Reply(reply.Command) : Topics.Reply("invalid");
        var payload = JsonSerializer.SerializeToUtf8Bytes(reply, TelemetryJsonContext.Default.CommandReply);
        TryPublishCounted(client, topic, payload, retain: false, out _);
    }

    private void PublishDiscovery(MosquittoClient client)
    {
        foreach (var (topic, payload) in HomeAssistantDiscovery.Build(Topics, _options.HomeAssistantPrefix, _options.FirmwareVersion))
        {
            TryPublishCounted(client, topic, payload, retain: true, out _);
        }
    }

    private void WakeDrain()
    {
        try
        {
            if (!_drainWake.IsSet)
            {
                _drainWake.Set();
            }
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: nobody publishes any more.
        }
    }

    /// <summary>Lowers the calling telemetry thread's priority and records its id; a failure is reported in health.</summary>
    private void LowerBackgroundThreadPriority(ref int threadId)
    {
        Volatile.Write(ref threadId, ThreadNice.CurrentThreadId);
        try
        {
            ThreadNice.LowerCurrentThreadTo(_options.BackgroundThreadNice);
        }
        catch (IOException exception)
        {
            Volatile.Write(ref _lastError, exception.Message);
        }
    }

    private Task StartDrainThread(MosquittoClient client, CancellationToken stoppingToken)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                DrainThread(client, stoppingToken);
                finished.TrySetResult();
            }
#pragma warning disable CA1031 // Handed to the service's task, which reports it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                finished.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "telemetry-events",
        };
        thread.Start();
        return finished.Task;
    }

    /// <summary>
    /// The publishing thread: a pass over the queue every <see cref="TelemetryOptions.EventBatchInterval"/> while events
    /// flow; after <see cref="DrainIdleBeforeSleep"/> without events it sleeps until an event, a connection or an
    /// acknowledgement it waits for wakes it, and waits one batch interval more before its pass.
    /// </summary>
    private void DrainThread(MosquittoClient client, CancellationToken stoppingToken)
    {
        LowerBackgroundThreadPriority(ref _drainThreadId);
        using var payloads = new EventPayloadWriter();
        using var batchTimer = _timeProvider.CreateTimer(_ => WakeDrain(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var interval = _options.EventBatchInterval;
        var idlePassesBeforeSleep = interval <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(DrainIdleBeforeSleep / interval);
        var idlePasses = idlePassesBeforeSleep;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (idlePasses >= idlePassesBeforeSleep)
                {
                    SleepUntilWoken(stoppingToken);
                    idlePasses = 0;
                }

                if (interval > TimeSpan.Zero)
                {
                    WaitForBatchWindow(batchTimer, interval, stoppingToken);
                }

                var published = DrainOnce(client, payloads);
                Interlocked.Increment(ref _drainLooks);
                if (published > 0)
                {
                    Interlocked.Increment(ref _drainPasses);
                    idlePasses = 0;
                }
                else
                {
                    idlePasses++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void SleepUntilWoken(CancellationToken stoppingToken)
    {
        // Say so first, then look: an event queued after the look finds the mark and wakes this thread.
        Interlocked.Exchange(ref _drainSleeping, 1);
        if (!CanPublishEvent)
        {
            _drainWake.Wait(stoppingToken);
        }

        Interlocked.Exchange(ref _drainSleeping, 0);
        _drainWake.Reset();
    }

    private bool CanPublishEvent => IsConnected && Volatile.Read(ref _inflight) < _options.MaximumInflightMessages && _outbox.Count > 0;

    /// <summary>Waits one batch interval; a connection or an awaited acknowledgement ends it early.</summary>
    private void WaitForBatchWindow(ITimer batchTimer, TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            if (ReferenceEquals(_timeProvider, TimeProvider.System))
            {
                // On the system clock a timed wait on this thread wakes this thread alone; a timer would also wake the
                // runtime's timer thread and a thread-pool worker, both at the door path's priority.
                Volatile.Write(ref _drainInBatchWindow, 1);
                _drainWake.Wait(interval, stoppingToken);
            }
            else
            {
                batchTimer.Change(interval, Timeout.InfiniteTimeSpan);

                // Marked only now, so a clock moved by someone who saw the mark always fires the timer set above.
                Volatile.Write(ref _drainInBatchWindow, 1);
                _drainWake.Wait(stoppingToken);
            }
        }
        finally
        {
            Volatile.Write(ref _drainInBatchWindow, 0);
            _drainWake.Reset();
        }
    }

    /// <summary>Publishes what the queue holds, within the in-flight limit; returns how many were handed over.</summary>
    private int DrainOnce(MosquittoClient client, EventPayloadWriter payloads)
    {
        var published = 0;
        while (IsConnected && _outbox.TryPeek(out var next))
        {
            if (Volatile.Read(ref _inflight) >= _options.MaximumInflightMessages)
            {
                // Ask for a wake-up on the next acknowledgement, then look again: it may have come in between.
                Interlocked.Exchange(ref _drainWaitingForAcknowledgement, 1);
                if (Volatile.Read(ref _inflight) >= _options.MaximumInflightMessages)
                {
                    return published;
                }

                Interlocked.Exchange(ref _drainWaitingForAcknowledgement, 0);
            }

            if (!TryPublishCounted(client, Topics.Events, payloads.Write(next, _options.PublishResidentIds), retain: false, out _))
            {
                return published;
            }

            Interlocked.Increment(ref _publishedEvents);
            _outbox.Remove(next.Sequence);
            published++;
        }

        return published;
    }

    private async Task HealthLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _healthSignal.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                PublishHealth();
            }
#pragma warning disable CA1031 // A failing health source must not stop telemetry (nor the unit).
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Volatile.Write(ref _lastError, "health: " + exception.GetType().Name + ": " + exception.Message);
            }
        }
    }

    private bool PublishHealth()
    {
        MosquittoClient? client;
        lock (_clientLock)
        {
            client = _client;
        }

        if (client is null || !IsConnected)
        {
            return false;
        }

        var source = _healthSource();
        var document = source with
        {
            UnitId = _options.UnitId,
            FirmwareVersion = string.IsNullOrEmpty(source.FirmwareVersion) ? _options.FirmwareVersion : source.FirmwareVersion,
            GeneratedAt = _timeProvider.GetUtcNow(),
            UptimeSeconds = (long)(_timeProvider.GetUtcNow() - _startedAt).TotalSeconds,
            Telemetry = new HealthTelemetryCounters(_outbox.Count, _outbox.DroppedEvents, _outbox.DroppedAlarms, PublishedEvents),
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(document, TelemetryJsonContext.Default.HealthDocument);
        if (!TryPublishCounted(client, Topics.Health, payload, retain: true, out _))
        {
            return false;
        }

        Interlocked.Increment(ref _healthPublished);
        return true;
    }

    private Task<CommandOutcome> PublishHealthNowAsync(CancellationToken cancellationToken) =>
        Task.FromResult(PublishHealth() ? CommandOutcome.Success("health published") : CommandOutcome.Failure("not connected"));

    private async Task CommandLoopAsync(MosquittoClient client, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var check in _acceptedCommands.Reader.ReadAllAsync(stoppingToken))
            {
                var reply = await _commands.ExecuteAsync(check, stoppingToken);
                PublishReply(client, reply);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
