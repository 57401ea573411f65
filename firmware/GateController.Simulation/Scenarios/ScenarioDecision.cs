using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;

namespace GateController.Simulation.Scenarios;

/// <summary>
/// An access decision as the scenario prints and checks it: the core's <see cref="AccessDecision"/> (reason code,
/// method, resident id at most) and the alarms it raised (keypad lockout, silent duress). It carries no card
/// identifier, no PIN digits and no name.
/// </summary>
public sealed record ScenarioDecision
{
    /// <summary>Creates a decision.</summary>
    /// <param name="decision">The core's decision.</param>
    /// <param name="alarms">The alarms raised with it, in order.</param>
    public ScenarioDecision(AccessDecision decision, IReadOnlyList<AccessEvent> alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        Decision = decision;
        Alarms = alarms;
    }

    /// <summary>The core's decision.</summary>
    public AccessDecision Decision { get; }

    /// <summary>The alarms raised with the decision: <see cref="KeypadLockedOut"/> or <see cref="DuressAlarmRaised"/>.</summary>
    public IReadOnlyList<AccessEvent> Alarms { get; }

    /// <summary>The reason code.</summary>
    public AccessReason Reason => Decision.Reason;

    /// <summary>Whether entry was granted.</summary>
    public bool Granted => Decision.IsGranted;

    /// <summary>Whether the keypad is (or just became) locked out: the locked-out pattern plays.</summary>
    public bool LockedOut => Reason == AccessReason.LockedOut || Alarms.Any(a => a is KeypadLockedOut);

    /// <summary>Whether the door waits for the card holder's PIN: no feedback plays yet.</summary>
    public bool AwaitsSecondFactor => Reason == AccessReason.SecondFactorRequired;

    /// <summary>A granted decision for a test hook.</summary>
    public static ScenarioDecision Grant(AccessMethods method) => new(new AccessDecision(AccessReason.Granted, method, null, false), []);

    /// <summary>A refusal for <paramref name="reason"/> for a test hook.</summary>
    public static ScenarioDecision Deny(AccessReason reason, AccessMethods method) =>
        reason == AccessReason.Granted
            ? throw new ArgumentException("a refusal needs a reason other than Granted", nameof(reason))
            : new ScenarioDecision(new AccessDecision(reason, method, null, false), []);

    /// <summary>
    /// Gives the door its feedback: a grant unlocks, a lockout plays the locked-out pattern, a card waiting for its
    /// PIN changes nothing, every other refusal plays the denied pattern.
    /// </summary>
    public void DriveDoor(DoorStateMachine door)
    {
        ArgumentNullException.ThrowIfNull(door);
        if (Granted)
        {
            door.Grant();
        }
        else if (LockedOut)
        {
            door.SignalLockedOut();
        }
        else if (!AwaitsSecondFactor)
        {
            door.Deny();
        }
    }

    /// <summary>"Granted (Card) R0001", "UnknownCredential (Pin)": the reason code, the method, and the resident id when known.</summary>
    public override string ToString() => Decision.ResidentId is { } resident
        ? $"{Reason} ({Decision.Method}) {resident}"
        : $"{Reason} ({Decision.Method})";
}
