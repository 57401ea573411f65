using GateController.Core.Access;

namespace GateController.Hardware.Gate;

/// <summary>Turns the access core's decisions into what the door does.</summary>
public static class DoorResponses
{
    /// <summary>
    /// Granted opens; a lockout (of the credential, or the keypad lockout this attempt just caused) plays the locked-out
    /// pattern; a card waiting for its second factor and a face without consent (treated as not seen) change nothing;
    /// every other refusal plays the denied pattern.
    /// </summary>
    /// <param name="decision">The core's decision.</param>
    /// <param name="lockoutRaised">Whether recording this attempt locked the keypad out.</param>
    public static DoorResponse From(AccessDecision decision, bool lockoutRaised = false) => decision.Reason switch
    {
        AccessReason.Granted => DoorResponse.Grant,
        _ when lockoutRaised => DoorResponse.LockedOut,
        AccessReason.LockedOut => DoorResponse.LockedOut,
        AccessReason.SecondFactorRequired or AccessReason.FaceNotConsented => DoorResponse.None,
        _ => DoorResponse.Deny,
    };

    /// <summary>What the door does after <paramref name="decision"/>, including a keypad lockout it just caused.</summary>
    public static DoorResponse From(GateDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return From(decision.Decision, decision.LockedOut);
    }
}
