using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.Readers;
using GateController.Hardware.Door;
using GateController.Hardware.Gate;
using GateController.Service.Admin;
using GateController.Service.Boards;
using GateController.Service.Configuration;
using GateController.Service.Face;
using GateController.Service.Health;
using GateController.Storage;
using GateController.Storage.Records;
using GateController.Telemetry.Events;

namespace GateController.Service.DoorPath;

/// <summary>
/// The live door path on a board: the door's lines (<see cref="DoorIo"/>) under the <see cref="DoorController"/>, the
/// configured readers, and the <see cref="AccessPipeline"/> whose decisions come from the <see cref="AccessGate"/>.
/// Every decision is appended to the store as an access event (a store that refuses writes marks "store" degraded and
/// the door keeps working). Each keypad's raw reader sits behind a <see cref="GateWithdrawalRouter"/> (withdrawal of face
/// consent at the gate) that sees every decision through the <see cref="DoorAccessDecider"/>. The face reader joins
/// once the face models are loaded (<see cref="AttachFace"/>). Also the admin API's manual release (P15).
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
    private readonly DoorAccessDecider _decider;
    private readonly LateCredentialReader _faceSlot;
    private GateDecision? _decidedNow;
    private FaceGateReader? _face;
    private FaceRecognition? _recognition;
    private CancellationToken _runToken;
    private Task? _faceRunning;
    private long _decisionStartedTimestamp;
    private GateDecision? _lastDecision;
    private Task? _running;
    private bool _disposed;

    /// <summary>Puts the door path together on <paramref name="board"/> and starts the door (relay de-energised first).</summary>
    /// <exception cref="IOException">A line or device could not be opened; the message names it.</exception>
    /// <param name="options">The configuration.</param>
    /// <param name="board">The board.</param>
    /// <param name="gate">The door's access decision.</param>
    /// <param name="directory">The access directory the gate decides over (face consent withdrawn at the gate goes there).</param>
    /// <param name="store">The store access events are appended to.</param>
    /// <param name="degraded">The degraded-subsystem registry.</param>
    /// <param name="timeProvider">The clock.</param>
    public GateDoorPath(
        GateControllerOptions options, IGateBoard board, AccessGate gate, IAccessDirectory directory, IGateStore store, DegradedSubsystems degraded,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(directory);
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
            _readers = CredentialReaderFactory.Create(
                options, board, timeProvider, raw => new GateWithdrawalRouter(raw, gate.DoorId, directory, options.Withdrawal, timeProvider));
            foreach (var router in _readers.Routers)
            {
                router.Signalled += OnWithdrawalSignalled;
                router.FaceConsentWithdrawn += OnFaceConsentWithdrawn;
            }

            _decider = new DoorAccessDecider(gate, _readers.Routers);
            _decider.Decided += OnGateDecided;
            _faceSlot = new LateCredentialReader(string.IsNullOrWhiteSpace(options.Camera.Reader.ReaderId) ? "camera" : options.Camera.Reader.ReaderId);
            _pipeline = new AccessPipeline(_door, [.. _readers.Readers, _faceSlot], Decide, new AccessPipelineOptions(), timeProvider);
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

    /// <summary>Raised after a resident withdrew face consent at the gate (carries the resident id only).</summary>
    public event EventHandler<FaceConsentWithdrawnAtGate>? FaceConsentWithdrawn;

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

    /// <summary>The face reader once it joined; null before, or when the door has none.</summary>
    public FaceGateReader? FaceReader => Volatile.Read(ref _face);

    /// <summary>The keypads' withdrawal routers.</summary>
    public IReadOnlyList<GateWithdrawalRouter> WithdrawalRouters => _readers.Routers;

    /// <summary>Each reader's health now (the face reader's once it joined).</summary>
    public IReadOnlyList<ReaderHealth> ReaderHealth() =>
        FaceReader is { } face ? [.. _readers.Health(), face.Health] : _readers.Health();

    /// <summary>
    /// The face reader joins the running door path: its credentials go into the pipeline's queue, it runs until the
    /// door path stops, and a face consent withdrawn at the gate drops the resident from <paramref name="recognition"/>.
    /// The door path disposes it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A face reader already joined, or the door path is not running.</exception>
    public void AttachFace(FaceGateReader reader, FaceRecognition recognition)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(recognition);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_running is null)
        {
            throw new InvalidOperationException("the door path is not running");
        }

        _faceSlot.Attach(reader);
        _recognition = recognition;
        Volatile.Write(ref _face, reader);
        _faceRunning = Task.Run(() => reader.RunAsync(_runToken), CancellationToken.None);
    }

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
        _runToken = cancellationToken;
        _running = RunAllAsync(cancellationToken);
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
        _decider.Decided -= OnGateDecided;
        foreach (var router in _readers.Routers)
        {
            router.Signalled -= OnWithdrawalSignalled;
            router.FaceConsentWithdrawn -= OnFaceConsentWithdrawn;
        }

        _pipeline.Dispose();
        _faceSlot.Dispose();
        _face?.Dispose();
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
            _decidedNow = null;
            var response = _decider.Decide(credential);
            if (_decidedNow is { } decision)
            {
                Record(credential, decision);
                _lastDecision = decision;
                if (decision.AwaitsSecondFactor && _gate.CardAwaitingFace is { } resident)
                {
                    FaceReader?.BeginVerification(resident);
                }
            }

            return response;
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

    private async Task RunAllAsync(CancellationToken cancellationToken)
    {
        await _pipeline.RunAsync(cancellationToken).ConfigureAwait(false);
        if (_faceRunning is { } face)
        {
            await face.ConfigureAwait(false);
        }
    }

    private void OnGateDecided(object? sender, GateDecision decision) => _decidedNow = decision;

    private void OnWithdrawalSignalled(object? sender, GateWithdrawalSignal signal)
    {
        if (signal.Response != DoorResponse.None && !_disposed)
        {
            _door.Respond(signal.Response);
        }
    }

    private void OnFaceConsentWithdrawn(object? sender, FaceConsentWithdrawnAtGate withdrawn)
    {
        // The store deleted the templates already; the in-memory index forgets the resident now.
        if (_recognition is { IsAvailable: true } recognition)
        {
            recognition.DropResident(withdrawn.ResidentId);
        }

        FaceConsentWithdrawn?.Invoke(this, withdrawn);
    }

    private void OnDoorEvent(object? sender, DoorEvent doorEvent) => DoorEventRaised?.Invoke(this, doorEvent);
}
