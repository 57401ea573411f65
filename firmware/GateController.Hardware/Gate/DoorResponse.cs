namespace GateController.Hardware.Gate;

/// <summary>What the door does after an access decision.</summary>
public enum DoorResponse
{
    /// <summary>Nothing yet (for example a card waiting for its PIN at a card+PIN door).</summary>
    None = 0,

    /// <summary>Entry granted: unlock for the pulse and play the granted pattern.</summary>
    Grant = 1,

    /// <summary>Entry refused: play the denied pattern; the lock is unchanged.</summary>
    Deny = 2,

    /// <summary>The credential or keypad is locked out: play the locked-out pattern; the lock is unchanged.</summary>
    LockedOut = 3,

    /// <summary>The keypad asks for confirmation (the withdrawal sequence was entered): play the prompt pattern.</summary>
    Prompt = 4,

    /// <summary>A request made at the keypad was carried out (face consent withdrawn): play the confirmed pattern.</summary>
    Confirmed = 5,
}
