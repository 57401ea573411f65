using System.Globalization;
using System.Threading.Channels;
using GateController.Telemetry.Mqtt;

namespace GateController.Cli.Diag;

/// <summary>
/// <c>gatectl diag</c>'s MQTT side: connects to the broker (TCP or TLS, optional username and password), subscribes to
/// the status, health and events of one unit or all, and hands every message to <see cref="Messages"/>. A broker that
/// cannot be reached or refuses the connection is a <see cref="GatectlException"/> with a one-line reason.
/// </summary>
internal sealed class DiagSubscriber : IDisposable
{
    private const int KeepAliveSeconds = 30;
    private const int QueueCapacity = 10_000;
    private readonly MosquittoClient _client;
    private readonly DiagOptions _options;
    private readonly Channel<MqttMessage> _messages = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IReadOnlyList<string> _subscriptions;
    private string? _lastLogError;

    private DiagSubscriber(MosquittoClient client, DiagOptions options, IReadOnlyList<string> subscriptions)
    {
        _client = client;
        _options = options;
        _subscriptions = subscriptions;
        _client.Connected += OnConnected;
        _client.MessageReceived += (_, e) => _messages.Writer.TryWrite(e.Message);
        _client.LogReceived += (_, e) =>
        {
            if ((e.Level & MqttLogEventArgs.LevelError) != 0)
            {
                Volatile.Write(ref _lastLogError, e.Text);
            }
        };
    }

    /// <summary>The messages received, in order.</summary>
    public ChannelReader<MqttMessage> Messages => _messages.Reader;

    /// <summary>Connects, waits for the broker to accept and subscribes.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="password">The password read from the password file, if any.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<DiagSubscriber> ConnectAsync(DiagOptions options, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ConnectAsync(options, password, DiagTopic.Subscriptions(options.UnitId), cancellationToken);
    }

    /// <summary>Connects, waits for the broker to accept and subscribes to <paramref name="subscriptions"/>.</summary>
    public static async Task<DiagSubscriber> ConnectAsync(DiagOptions options, string? password, IReadOnlyList<string> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var client = new MosquittoClient("gatectl-diag-" + Guid.NewGuid().ToString("N")[..12], cleanSession: true);
        var subscriber = new DiagSubscriber(client, options, subscriptions);
        try
        {
            await subscriber.StartAsync(password, cancellationToken).ConfigureAwait(false);
            return subscriber;
        }
        catch
        {
            subscriber.Dispose();
            throw;
        }
    }

    /// <summary>Publishes one message (QoS 1, not retained); false when the client could not queue it.</summary>
    public bool TryPublish(string topic, ReadOnlySpan<byte> payload) =>
        _client.TryPublish(topic, payload, MqttQualityOfService.AtLeastOnce, retain: false, out _, out _);

    /// <summary>Disconnects and frees the client.</summary>
    public void Dispose()
    {
        try
        {
            _client.Disconnect();
        }
        catch (MosquittoException)
        {
            // Leaving anyway.
        }

        _client.Dispose();
    }

    private async Task StartAsync(string? password, CancellationToken cancellationToken)
    {
        try
        {
            if (_options.Username is { } username)
            {
                _client.SetCredentials(username, password);
            }

            if (_options.TlsCaFile is { } caFile)
            {
                _client.ConfigureTls(caFile, _options.TlsCertificateFile, _options.TlsKeyFile);
            }
        }
        catch (MosquittoException exception)
        {
            throw new GatectlException($"cannot use the TLS files or credentials: {exception.Message}", GatectlCommandLine.ExitUsage);
        }

        _client.SetReconnectDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), exponentialBackoff: true);
        try
        {
            // The blocking connect reports a refused, unknown or unreachable broker (and a failed TLS handshake) directly.
            await Task.Run(() => _client.Connect(_options.BrokerHost, _options.EffectivePort, KeepAliveSeconds), cancellationToken)
                .WaitAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (MosquittoException exception)
        {
            throw Unreachable(exception.ErrorCode == MosquittoErrorCode.Errno ? Reason(exception) : exception.Message + LogSuffix());
        }
        catch (TimeoutException)
        {
            throw Unreachable($"no connection within {_options.ConnectTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        _client.StartLoop();
        try
        {
            await _accepted.Task.WaitAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Unreachable($"the broker did not answer the MQTT connect within {_options.ConnectTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s{LogSuffix()}");
        }
    }

    private GatectlException Unreachable(string reason) =>
        new($"cannot reach the MQTT broker {_options.BrokerText}: {reason}", GatectlCommandLine.ExitUnavailable);

    private static string Reason(MosquittoException exception)
    {
        // "mosquitto_connect failed: Connection refused (mosq_err 14, errno 111)" → "Connection refused (errno 111)".
        var text = exception.Message;
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? text : text[(colon + 2)..];
    }

    private string LogSuffix() => Volatile.Read(ref _lastLogError) is { } log ? $" ({log})" : string.Empty;

    private void OnConnected(object? sender, MqttConnectionEventArgs e)
    {
        if (e.ResultCode != 0)
        {
            _accepted.TrySetException(new GatectlException($"the MQTT broker {_options.BrokerText} refused the connection: {RefusalText(e.ResultCode)}", GatectlCommandLine.ExitUnavailable));
            return;
        }

        foreach (var topic in _subscriptions)
        {
            _client.Subscribe(topic, MqttQualityOfService.AtMostOnce);
        }

        _accepted.TrySetResult();
    }

    private static string RefusalText(int code) => code switch
    {
        1 => "unacceptable protocol version",
        2 => "client id rejected",
        3 => "broker unavailable",
        4 => "bad username or password",
        5 => "not authorised",
        _ => $"CONNACK code {code.ToString(CultureInfo.InvariantCulture)}",
    };
}
