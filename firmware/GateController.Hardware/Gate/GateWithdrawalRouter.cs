using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Core.Privacy;
using GateController.Core.Readers;

namespace GateController.Hardware.Gate;

/// <summary>
/// Withdrawal of face consent at the gate, in front of PIN entry: wraps a keypad's raw reader so that its keys pass
/// through the door's <see cref="GateWithdrawalSequence"/> before they reach <see cref="Keypad.PinEntry"/>. After the
/// resident's own card or PIN was decided (<see cref="OnDecided"/>, fed every decision of the door), the configured
/// sequence and the confirmation key are consumed here and never typed into a PIN; on confirmation the directory
/// withdraws the face consent through the gate channel (the store deletes the templates in the same transaction and
/// audits), <see cref="FaceConsentWithdrawn"/> is raised so the face index drops the resident, and
/// <see cref="Signalled"/> tells the door to confirm. A sequence after an unknown or refused credential, or after
/// someone else's credential in between, is rejected or starts over and changes nothing. Keys that turn out not to
/// be a sequence are passed on in order. Cards, frames and keys while idle pass straight through.
/// Thread-safe: keys arrive on the reader's thread, decisions on the door path's loop.
/// </summary>
public sealed class GateWithdrawalRouter : CredentialReaderBase, IDisposable
{
    private static readonly TimeSpan TimeoutCheckPeriod = TimeSpan.FromSeconds(1);

    private readonly ICredentialReader _inner;
    private readonly DoorId _doorId;
    private readonly IAccessDirectory _directory;
    private readonly TimeProvider _timeProvider;
    private readonly GateWithdrawalSequence _sequence;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private readonly List<KeyPressed> _held = [];
    private long _withdrawals;
    private long _rejections;
    private bool _disposed;

    /// <summary>Wraps <paramref name="keypad"/>, the raw reader of a keypad at door <paramref name="doorId"/>.</summary>
    /// <param name="keypad">The keypad's raw reader (keys one by one).</param>
    /// <param name="doorId">The door the keypad belongs to.</param>
    /// <param name="directory">Where the consent is withdrawn.</param>
    /// <param name="options">The key sequence, confirmation key and timeouts; validated.</param>
    /// <param name="timeProvider">The clock the timeouts run on.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has problems; the message lists every one.</exception>
    public GateWithdrawalRouter(ICredentialReader keypad, DoorId doorId, IAccessDirectory directory, GateWithdrawalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(keypad);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sequence = new GateWithdrawalSequence(options, timeProvider);
        _inner = keypad;
        _doorId = doorId;
        _directory = directory;
        _timeProvider = timeProvider;
        _timer = timeProvider.CreateTimer(_ => CheckTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        keypad.KeyPressed += OnKey;
        keypad.CredentialPresented += OnCredential;
        keypad.FrameRejected += OnRejected;
    }

    /// <summary>Raised after a resident's face consent was withdrawn here: drop them from the in-memory face index now.</summary>
    public event EventHandler<FaceConsentWithdrawnAtGate>? FaceConsentWithdrawn;

    /// <summary>Raised for what the door should show: the prompt, the confirmation, a refusal with its reason.</summary>
    public event EventHandler<GateWithdrawalSignal>? Signalled;

    /// <inheritdoc />
    public override string ReaderId => _inner.ReaderId;

    /// <inheritdoc />
    public override ReaderHealth Health => _inner.Health;

    /// <summary>Where the sequence stands.</summary>
    public GateWithdrawalState State
    {
        get
        {
            lock (_lock)
            {
                return _sequence.State;
            }
        }
    }

    /// <summary>Face consents withdrawn through this keypad.</summary>
    public long Withdrawals => Interlocked.Read(ref _withdrawals);

    /// <summary>Sequences rejected, cancelled, or confirmed with nothing to withdraw.</summary>
    public long Rejections => Interlocked.Read(ref _rejections);

    /// <inheritdoc />
    public override Task RunAsync(CancellationToken cancellationToken) => _inner.RunAsync(cancellationToken);

    /// <summary>
    /// An access decision at this door (from any reader of the door, face included): arms the sequence for the resident
    /// it accepted, or a rejection; interrupts an attempt in progress.
    /// </summary>
    public void OnDecided(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        GateWithdrawalOutcome outcome;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            // A face is never typed at the keypad: it neither withdraws nor interrupts a resident's attempt in progress
            // (the camera sees the resident who is typing).
            if (decision.Decision.Method == AccessMethods.Face
                && _sequence.State is GateWithdrawalState.EnteringSequence or GateWithdrawalState.AwaitingConfirmation)
            {
                return;
            }

            // Keys held for a sequence that a new credential interrupted were not a PIN either: they are dropped.
            _held.Clear();
            outcome = _sequence.OnCredentialDecided(decision.Decision);
            ArmTimer();
        }

        // The decision plays its own feedback; an interrupted attempt is only reported.
        Signal(outcome, DoorResponse.None);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _inner.KeyPressed -= OnKey;
            _inner.CredentialPresented -= OnCredential;
            _inner.FrameRejected -= OnRejected;
            _timer.Dispose();
            _sequence.Reset();
            _held.Clear();
        }
    }

    private void OnCredential(object? sender, CredentialPresented credential) => OnCredentialPresented(credential);

    private void OnRejected(object? sender, FrameRejected rejected) => OnFrameRejected(rejected);

    private void OnKey(object? sender, KeyPressed key)
    {
        List<KeyPressed>? forward = null;
        GateWithdrawalOutcome outcome;
        lock (_lock)
        {
            if (_disposed || _sequence.State == GateWithdrawalState.Idle)
            {
                outcome = GateWithdrawalOutcome.Nothing;
                forward = [key];
            }
            else
            {
                outcome = _sequence.OnKeyPressed(key.Key);
                if (outcome.Kind == GateWithdrawalOutcomeKind.None && _sequence.State == GateWithdrawalState.Idle)
                {
                    // Not a sequence after all (a PIN or a visitor code being typed): the keys go on, in order.
                    forward = [.. _held, key];
                    _held.Clear();
                }
                else if (outcome.Kind is GateWithdrawalOutcomeKind.None or GateWithdrawalOutcomeKind.Progress)
                {
                    _held.Add(key);
                }
                else
                {
                    _held.Clear();
                    if (outcome.Kind == GateWithdrawalOutcomeKind.Cancelled)
                    {
                        // The key that broke the sequence may be the first digit of someone's PIN: it goes on.
                        forward = [key];
                    }
                }

                ArmTimer();
            }
        }

        if (forward is not null)
        {
            foreach (var passed in forward)
            {
                OnKeyPressed(passed);
            }
        }

        if (outcome.Kind == GateWithdrawalOutcomeKind.Requested)
        {
            Withdraw(outcome.Request!);
        }
        else
        {
            Signal(outcome, outcome.Kind switch
            {
                GateWithdrawalOutcomeKind.AwaitingConfirmation => DoorResponse.Prompt,
                GateWithdrawalOutcomeKind.Cancelled or GateWithdrawalOutcomeKind.Rejected => DoorResponse.Deny,
                _ => DoorResponse.None,
            });
        }
    }

    private void Withdraw(WithdrawalRequested request)
    {
        bool withdrawn;
        try
        {
            withdrawn = _directory.WithdrawFaceConsentAtGate(request.ResidentId, request.RequestedAt);
        }
#pragma warning disable CA1031 // A store fault is a refusal at the door, never an exception on the keypad's thread.
        catch (Exception)
#pragma warning restore CA1031
        {
            CountHandlerFault();
            Interlocked.Increment(ref _rejections);
            RaiseSignal(new GateWithdrawalSignal(ReaderId, GateWithdrawalOutcomeKind.Rejected, "the withdrawal could not be stored; nothing was changed", DoorResponse.Deny, _timeProvider.GetUtcNow()));
            return;
        }

        var now = _timeProvider.GetUtcNow();
        if (!withdrawn)
        {
            Interlocked.Increment(ref _rejections);
            RaiseSignal(new GateWithdrawalSignal(ReaderId, GateWithdrawalOutcomeKind.Rejected, "no active face consent to withdraw", DoorResponse.Deny, now));
            return;
        }

        Interlocked.Increment(ref _withdrawals);
        Notify(FaceConsentWithdrawn, new FaceConsentWithdrawnAtGate(_doorId, now, request.ResidentId));
        RaiseSignal(new GateWithdrawalSignal(ReaderId, GateWithdrawalOutcomeKind.Requested, null, DoorResponse.Confirmed, now));
    }

    private void CheckTimeout()
    {
        GateWithdrawalOutcome outcome;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            outcome = _sequence.CheckTimeout();
            if (_sequence.State == GateWithdrawalState.Idle)
            {
                // Keys held for a sequence that ran out of time are stale: dropped.
                _held.Clear();
            }

            ArmTimer();
        }

        Signal(outcome, DoorResponse.Deny);
    }

    private void ArmTimer()
    {
        if (_sequence.State == GateWithdrawalState.Idle)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(TimeoutCheckPeriod, TimeoutCheckPeriod);
        }
    }

    private void Signal(GateWithdrawalOutcome outcome, DoorResponse response)
    {
        if (outcome.Kind is GateWithdrawalOutcomeKind.None or GateWithdrawalOutcomeKind.Progress)
        {
            return;
        }

        if (outcome.Kind is GateWithdrawalOutcomeKind.Cancelled or GateWithdrawalOutcomeKind.Rejected)
        {
            Interlocked.Increment(ref _rejections);
        }

        RaiseSignal(new GateWithdrawalSignal(ReaderId, outcome.Kind, outcome.Reason, response, _timeProvider.GetUtcNow()));
    }

    private void RaiseSignal(GateWithdrawalSignal signal) => Notify(Signalled, signal);
}
