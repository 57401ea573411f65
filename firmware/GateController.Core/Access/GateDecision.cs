using GateController.Core.Events;
using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>
/// What <see cref="AccessGate.Decide"/> made of one credential: the core's <see cref="AccessDecision"/>, whether the
/// keypad is (or just became) locked out, the alarms raised with it, and the resident identified if any. It carries no
/// card identifier, no PIN digits and no name.
/// </summary>
public sealed record GateDecision
{
    /// <summary>Creates a decision.</summary>
    /// <param name="doorId">The door decided at.</param>
    /// <param name="decidedAt">When it was decided.</param>
    /// <param name="decision">The core's decision.</param>
    /// <param name="alarms">The alarms raised with it, in order (<see cref="KeypadLockedOut"/>, <see cref="DuressAlarmRaised"/>).</param>
    public GateDecision(DoorId doorId, DateTimeOffset decidedAt, AccessDecision decision, IReadOnlyList<AccessEvent> alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        DoorId = doorId;
        DecidedAt = decidedAt;
        Decision = decision;
        Alarms = alarms;
    }

    /// <summary>The door.</summary>
    public DoorId DoorId { get; }

    /// <summary>When the decision was made.</summary>
    public DateTimeOffset DecidedAt { get; }

    /// <summary>The core's decision.</summary>
    public AccessDecision Decision { get; }

    /// <summary>The alarms raised with the decision.</summary>
    public IReadOnlyList<AccessEvent> Alarms { get; }

    /// <summary>The reason code.</summary>
    public AccessReason Reason => Decision.Reason;

    /// <summary>True when the door opens.</summary>
    public bool IsGranted => Decision.IsGranted;

    /// <summary>The resident the credential identified and who may be named; null for unknown credentials and faces without consent.</summary>
    public ResidentId? ResidentId => Decision.ResidentId;

    /// <summary>True when the keypad is locked out, or this attempt just locked it: the locked-out pattern plays.</summary>
    public bool LockedOut => Decision.Reason == AccessReason.LockedOut || Alarms.Any(a => a is KeypadLockedOut);

    /// <summary>True when a card waits for its holder's PIN or face: no feedback plays yet.</summary>
    public bool AwaitsSecondFactor => Decision.Reason == AccessReason.SecondFactorRequired;

    /// <summary>The event to log and publish for this decision (a face without consent names nobody).</summary>
    public AccessDecided ToEvent() => AccessDecided.From(DoorId, DecidedAt, Decision);

    /// <inheritdoc />
    public override string ToString() => Decision.ResidentId is { } resident
        ? $"{Reason} ({Decision.Method}) {resident}"
        : $"{Reason} ({Decision.Method})";
}
