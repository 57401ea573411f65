using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Core.Privacy;

/// <summary>
/// Withdrawal of face consent at the gate (PIPL art. 15, rule P4), the pure part: after the resident's own card or PIN
/// was decided, the configured key sequence and then the confirmation key, each within its timeout, yield a
/// <see cref="WithdrawalRequested"/> for that resident. Feed it, per door, every access decision and every key pressed
/// after the decision; it never looks at a PIN's digits. A sequence after an unknown credential, a face alone, or a
/// credential that was not accepted is rejected with the reason; any credential presented in between starts over,
/// so nobody's credential can withdraw someone else's consent. Not thread-safe: one caller per door.
/// </summary>
public sealed class GateWithdrawalSequence
{
    /// <summary>The reason given when the sequence follows a credential that matched nobody.</summary>
    public const string UnknownCredentialReason = "unknown credential";

    private static readonly GateWithdrawalOutcome ProgressOutcome = new(GateWithdrawalOutcomeKind.Progress, null, null);
    private static readonly GateWithdrawalOutcome AwaitingConfirmationOutcome = new(GateWithdrawalOutcomeKind.AwaitingConfirmation, null, null);

    private readonly GateWithdrawalOptions _options;
    private readonly TimeProvider _timeProvider;
    private ResidentId _resident;
    private string? _rejection;
    private int _keysMatched;
    private DateTimeOffset _deadline;

    /// <summary>Creates the state machine; throws <see cref="ArgumentException"/> listing every problem with <paramref name="options"/>.</summary>
    public GateWithdrawalSequence(GateWithdrawalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = new GateWithdrawalOptions
        {
            KeySequence = options.KeySequence,
            ConfirmationKey = options.ConfirmationKey,
            KeyTimeout = options.KeyTimeout,
            ConfirmationTimeout = options.ConfirmationTimeout,
        };
        _timeProvider = timeProvider;
    }

    /// <summary>Where the sequence stands.</summary>
    public GateWithdrawalState State { get; private set; }

    /// <summary>
    /// An access decision at this door. A decision that names a resident and was accepted (granted, or refused only by
    /// the schedule) after a card or PIN arms the sequence for that resident; anything else arms a rejection.
    /// Returns Cancelled when it interrupted an attempt in progress, otherwise None.
    /// </summary>
    public GateWithdrawalOutcome OnCredentialDecided(AccessDecision decision)
    {
        var interrupted = State == GateWithdrawalState.AwaitingConfirmation
            || (State == GateWithdrawalState.EnteringSequence && _keysMatched > 0 && !IsExpired());
        Arm(decision);
        return interrupted
            ? Outcome(GateWithdrawalOutcomeKind.Cancelled, "another credential was presented; the withdrawal starts over")
            : GateWithdrawalOutcome.Nothing;
    }

    /// <summary>A key pressed at this door's keypad after the last decision.</summary>
    public GateWithdrawalOutcome OnKeyPressed(char key)
    {
        if (State != GateWithdrawalState.Idle && _keysMatched == 0 && (IsExpired() || key != _options.KeySequence[0]))
        {
            // Not the start of a sequence (a later visitor typing, or a key long after the credential): stay quiet.
            Reset();
            return GateWithdrawalOutcome.Nothing;
        }

        switch (State)
        {
            case GateWithdrawalState.Idle:
                return GateWithdrawalOutcome.Nothing;

            case GateWithdrawalState.AfterUnknownCredential:
                if (IsExpired() || key != _options.KeySequence[_keysMatched])
                {
                    Reset();
                    return GateWithdrawalOutcome.Nothing;
                }

                return Advance(() =>
                {
                    var reason = _rejection!;
                    Reset();
                    return Outcome(GateWithdrawalOutcomeKind.Rejected, reason);
                });

            case GateWithdrawalState.EnteringSequence:
                if (IsExpired())
                {
                    return Cancel($"the withdrawal sequence was not entered within {_options.KeyTimeout.TotalSeconds:0.###} s per key");
                }

                if (key != _options.KeySequence[_keysMatched])
                {
                    return Cancel($"key {_keysMatched + 1} of the withdrawal sequence was wrong");
                }

                return Advance(() =>
                {
                    State = GateWithdrawalState.AwaitingConfirmation;
                    _deadline = _timeProvider.GetUtcNow() + _options.ConfirmationTimeout;
                    return Outcome(GateWithdrawalOutcomeKind.AwaitingConfirmation, null);
                });

            case GateWithdrawalState.AwaitingConfirmation:
                if (IsExpired())
                {
                    return Cancel($"the withdrawal was not confirmed within {_options.ConfirmationTimeout.TotalSeconds:0.###} s");
                }

                if (key != _options.ConfirmationKey)
                {
                    return Cancel($"key '{key}' is not the confirmation key; nothing was withdrawn");
                }

                var request = new WithdrawalRequested(_resident, ConsentChannel.Gate, _timeProvider.GetUtcNow());
                Reset();
                return new GateWithdrawalOutcome(GateWithdrawalOutcomeKind.Requested, null, request);

            default:
                throw new InvalidOperationException($"unknown state {State}");
        }
    }

    /// <summary>Call periodically (for example each second): ends an attempt whose time ran out, returning Cancelled with the reason.</summary>
    public GateWithdrawalOutcome CheckTimeout()
    {
        if (State == GateWithdrawalState.Idle || !IsExpired())
        {
            return GateWithdrawalOutcome.Nothing;
        }

        return State switch
        {
            GateWithdrawalState.EnteringSequence when _keysMatched > 0 =>
                Cancel($"the withdrawal sequence was not entered within {_options.KeyTimeout.TotalSeconds:0.###} s per key"),
            GateWithdrawalState.AwaitingConfirmation =>
                Cancel($"the withdrawal was not confirmed within {_options.ConfirmationTimeout.TotalSeconds:0.###} s"),
            _ => ResetQuietly(),
        };
    }

    /// <summary>Forgets any attempt in progress.</summary>
    public void Reset()
    {
        State = GateWithdrawalState.Idle;
        _resident = default;
        _rejection = null;
        _keysMatched = 0;
        _deadline = default;
    }

    private void Arm(AccessDecision decision)
    {
        Reset();
        _deadline = _timeProvider.GetUtcNow() + _options.KeyTimeout;
        if (decision.ResidentId is not { } resident)
        {
            _rejection = UnknownCredentialReason;
        }
        else if (decision.Method == AccessMethods.Face)
        {
            _rejection = "withdrawal at the gate needs the resident's own card or PIN, not a face";
        }
        else if (decision.IsDuress || decision.Reason is not (AccessReason.Granted or AccessReason.OutsideSchedule))
        {
            _rejection = $"credential not accepted ({(decision.IsDuress ? AccessReason.Granted : decision.Reason)})";
        }
        else
        {
            _resident = resident;
            State = GateWithdrawalState.EnteringSequence;
            return;
        }

        State = GateWithdrawalState.AfterUnknownCredential;
    }

    private GateWithdrawalOutcome Advance(Func<GateWithdrawalOutcome> onComplete)
    {
        _keysMatched++;
        if (_keysMatched == _options.KeySequence.Length)
        {
            return onComplete();
        }

        _deadline = _timeProvider.GetUtcNow() + _options.KeyTimeout;
        return State == GateWithdrawalState.AfterUnknownCredential ? GateWithdrawalOutcome.Nothing : Outcome(GateWithdrawalOutcomeKind.Progress, null);
    }

    private bool IsExpired() => _timeProvider.GetUtcNow() > _deadline;

    private GateWithdrawalOutcome Cancel(string reason)
    {
        Reset();
        return Outcome(GateWithdrawalOutcomeKind.Cancelled, reason);
    }

    private GateWithdrawalOutcome ResetQuietly()
    {
        Reset();
        return GateWithdrawalOutcome.Nothing;
    }

    private static GateWithdrawalOutcome Outcome(GateWithdrawalOutcomeKind kind, string? reason) => (kind, reason) switch
    {
        (GateWithdrawalOutcomeKind.Progress, null) => ProgressOutcome,
        (GateWithdrawalOutcomeKind.AwaitingConfirmation, null) => AwaitingConfirmationOutcome,
        _ => new GateWithdrawalOutcome(kind, reason, null),
    };
}
