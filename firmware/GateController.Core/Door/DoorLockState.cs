namespace GateController.Core.Door;

/// <summary>Whether the door is locked and, if not, why.</summary>
public enum DoorLockState
{
    /// <summary>Locked.</summary>
    Locked = 0,

    /// <summary>Unlocked for the configured pulse after a grant or an exit-button press.</summary>
    Unlocked = 1,

    /// <summary>Unlocked by an operator for a stated number of seconds.</summary>
    ManualRelease = 2,

    /// <summary>Unlocked and held so by the fire-alarm input until it clears; overrides every other state.</summary>
    FireRelease = 3,
}
