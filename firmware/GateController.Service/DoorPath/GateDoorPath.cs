using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.Readers;
using GateController.Hardware.Door;
using GateController.Hardware.Gate;
using GateController.Service.Admin;
using GateController.Service.Boards;
using GateController.Service.Configuration;
using GateController.Service.Health;
using GateController.Storage;
using GateController.Storage.Records;
using GateController.Telemetry.Events;

namespace GateController.Service.DoorPath;

/// <summary>
/// The live door path on a board: the door's lines (<see cref="DoorIo"/>) under the <see cref="DoorController"/>, the
/// configured readers, and the <see cref="AccessPipeline"/> whose decisions come from the <see cref="AccessGate"/>.
/// Every decision is appended to the store as an access event (a store that refuses writes marks "store" degraded and
/// the door keeps working). Also the admin API's manual release (P15).
/// </summary>
public sealed class GateDoorPath : IManualDoorRelease, IDisposable
{
    private readonly AccessGate _gate;
    private readonly IGateStore _store;
    private readonly DegradedSubsystems _degraded;
    private readonly TimeProvider _timeProvider;
    private readonly DoorStateMachine _machine;
    private readonly DoorController _door;
    private readonly CredentialReaderSet _readers;
    private readonly AccessPipeline _pipeline;
    private long _decisionStartedTimestamp;
    private GateDecision? _lastDecision;
    private Task? _running;
    private bool _disposed;

    /// <summary>Puts the door path together on <paramref name="board"/> and starts the door (relay de-energised first).</summary>
    /// <exception cref="IOException">A line or device could not be opened; the message names it.</exception>
    public GateDoorPath(
        GateControllerOptions options, IGateBoard board, AccessGate gate, IGateStore store, DegradedSubsystems degraded, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(degraded);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _gate = gate;
        _store = store;
        _degraded = degraded;
        _timeProvider = timeProvider;
        _machine = new DoorStateMachine(options.Door.ToDoorOptions(), timeProvider);
        try
        {
            _door = new DoorController(new DoorIo(board.Gpio, options.Door.ToIoOptions(), timeProvider), _machine);
            _machine.EventRaised += OnDoorEvent;
            _door.Start();
            _readers = CredentialReaderFactory.Create(options, board, timeProvider);
            _pipeline = new AccessPipeline(_door, _readers.Readers, Decide, new AccessPipelineOptions(), timeProvider);
            _pipeline.Decided += OnPipelineDecided;
        }
        catch
        {
            _readers?.Dispose();
            _door?.Dispose();
            _machine.Dispose();
            throw;
        }
    }

    /// <summary>Raised on the decision loop after each decision, once the door was told what to do.</summary>
    public event EventHandler<DoorPathDecision>? Decided;

    /// <summary>Raised for each door event (unlocked, opened, held open, fire release…).</summary>
    public event EventHandler<DoorEvent>? DoorEventRaised;

    /// <summary>The access decision (for a face reader: the card waiting for a face at a card+face door).</summary>
    public AccessGate Gate => _gate;

    /// <summary>The door's identifier.</summary>
    public DoorId DoorId => _gate.DoorId;

    /// <summary>The door state machine.</summary>
    public DoorStateMachine Machine => _machine;

    /// <summary>The door's lines.</summary>
    public DoorIo Io => _door.Io;

    /// <summary>The pipeline (counters).</summary>
    public AccessPipeline Pipeline => _pipeline;

    /// <summary>Each reader's health now.</summary>
    public IReadOnlyList<ReaderHealth> ReaderHealth() => _readers.Health();

    /// <summary>
    /// Whether the decision loop is alive: running, and not stuck in one decision for longer than
    /// <paramref name="stuckLimit"/>. The watchdog pings only while this holds.
    /// </summary>
    public bool IsDecisionLoopAlive(TimeSpan stuckLimit)
    {
        if (_running is null || _running.IsCompleted)
        {
            return false;
        }

        var started = Interlocked.Read(ref _decisionStartedTimestamp);
        return started == 0 || _timeProvider.GetElapsedTime(started) < stuckLimit;
    }

    /// <summary>Runs the readers and the decision loop until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _running = _pipeline.RunAsync(cancellationToken);
        return _running;
    }

    /// <inheritdoc/>
    public Task ReleaseAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_machine.ManualRelease(duration))
        {
            throw new AdminCommandException("the fire alarm holds the door released already; nothing changed");
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops listening, de-energises the relay and releases the lines and readers.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _pipeline.Decided -= OnPipelineDecided;
        _pipeline.Dispose();
        _readers.Dispose();
        _machine.EventRaised -= OnDoorEvent;
        _door.Dispose();
        _machine.Dispose();
    }

    private DoorResponse Decide(CredentialPresented credential)
    {
        Interlocked.Exchange(ref _decisionStartedTimestamp, _timeProvider.GetTimestamp());
        try
        {
            _lastDecision = null;
            var decision = _gate.Decide(credential);
            Record(credential, decision);
            _lastDecision = decision;
            return DoorResponses.From(decision.Decision, decision.LockedOut);
        }
        finally
        {
            Interlocked.Exchange(ref _decisionStartedTimestamp, 0);
        }
    }

    private void Record(CredentialPresented credential, GateDecision decision)
    {
        // A face nobody consented for leaves no trace (P5): no access event at all.
        if (decision.Decision.Reason == AccessReason.FaceNotConsented)
        {
            return;
        }

        var decided = decision.ToEvent();
        try
        {
            _store.AppendAccessEvent(new AccessEventRecord(
                decision.DecidedAt, _gate.DoorId.Value, credential.Kind, decided.ResidentId, decision.Decision.IsGranted, TelemetryEventMapper.ReasonCode(decided.Reason)));
            if (_degraded.IsDegraded("store"))
            {
                _degraded.MarkHealthy("store");
            }
        }
        catch (Exception ex) when (ex is StoreException or IOException)
        {
            _degraded.MarkDegraded("store", $"access events cannot be written: {ex.Message}");
        }
    }

    private void OnPipelineDecided(object? sender, AccessPipelineDecided decided)
    {
        // On the decision loop, after the door was told: the decision Decide made just before.
        if (Interlocked.Exchange(ref _lastDecision, null) is { } decision)
        {
            Decided?.Invoke(this, new DoorPathDecision(decided.ReaderId, decided.Kind, decision, decision.DecidedAt));
        }
    }

    private void OnDoorEvent(object? sender, DoorEvent doorEvent) => DoorEventRaised?.Invoke(this, doorEvent);
}
