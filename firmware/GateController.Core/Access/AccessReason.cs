namespace GateController.Core.Access;

/// <summary>Why an access decision came out the way it did.</summary>
public enum AccessReason
{
    /// <summary>The door opens.</summary>
    Granted = 0,

    /// <summary>No credential matches what was presented.</summary>
    UnknownCredential = 1,

    /// <summary>The credential's validity window has not started.</summary>
    NotYetValid = 2,

    /// <summary>The credential's validity window has ended.</summary>
    Expired = 3,

    /// <summary>The door's schedule does not allow entry now.</summary>
    OutsideSchedule = 4,

    /// <summary>The door needs a PIN or face after the card, and none was given.</summary>
    SecondFactorRequired = 5,

    /// <summary>The PIN or face after the card does not belong to the card holder.</summary>
    SecondFactorWrong = 6,

    /// <summary>The keypad is locked after too many wrong PINs.</summary>
    LockedOut = 7,

    /// <summary>A face matched a resident without an active face consent; treated as unknown, never retried, names nobody.</summary>
    FaceNotConsented = 8,

    /// <summary>The face failed the liveness (anti-spoofing) check; card or PIN still work.</summary>
    LivenessFailed = 9,

    /// <summary>The credential's holder has moved out.</summary>
    ResidentMovedOut = 10,

    /// <summary>The visitor code has no use left.</summary>
    VisitorCodeUsedUp = 11,

    /// <summary>The door does not enable the method presented.</summary>
    MethodNotAllowed = 12,

    /// <summary>
    /// The holder is in an access group this door has no policy for (the group left the configuration): refused,
    /// never judged under the door's default policy.
    /// </summary>
    AccessGroupUnknown = 13,
}
