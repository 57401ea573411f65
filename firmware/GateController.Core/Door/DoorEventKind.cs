namespace GateController.Core.Door;

/// <summary>What happened at the door.</summary>
public enum DoorEventKind
{
    /// <summary>The lock was released for the pulse (after a grant or the exit button).</summary>
    Unlocked = 0,

    /// <summary>The lock was engaged again; <see cref="DoorEvent.Cause"/> says why.</summary>
    Relocked = 1,

    /// <summary>The door contact reported the door open.</summary>
    Opened = 2,

    /// <summary>The door contact reported the door closed; any held-open or forced alarm ends.</summary>
    Closed = 3,

    /// <summary>The door stayed open longer than the held-open threshold.</summary>
    HeldOpen = 4,

    /// <summary>The door was opened while locked, without a grant or the exit button.</summary>
    Forced = 5,

    /// <summary>The fire-alarm input became active: the door is released until it clears.</summary>
    FireReleaseStarted = 6,

    /// <summary>The fire-alarm input cleared.</summary>
    FireReleaseEnded = 7,

    /// <summary>The tamper input became active.</summary>
    Tamper = 8,

    /// <summary>The tamper input cleared.</summary>
    TamperCleared = 9,

    /// <summary>An operator released the door for <see cref="DoorEvent.Duration"/>.</summary>
    ManualRelease = 10,
}
