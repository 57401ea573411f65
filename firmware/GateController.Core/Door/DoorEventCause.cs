namespace GateController.Core.Door;

/// <summary>Why the door was unlocked or relocked; <see cref="None"/> for the other events.</summary>
public enum DoorEventCause
{
    /// <summary>No cause applies to this event.</summary>
    None = 0,

    /// <summary>An access decision granted entry.</summary>
    Grant = 1,

    /// <summary>The request-to-exit button was pressed.</summary>
    ExitButton = 2,

    /// <summary>The unlock pulse elapsed.</summary>
    PulseElapsed = 3,

    /// <summary>The door closed after it had been opened during the pulse.</summary>
    DoorClosed = 4,

    /// <summary>An operator's manual release elapsed.</summary>
    ManualReleaseElapsed = 5,

    /// <summary>The fire-alarm input cleared.</summary>
    FireAlarmCleared = 6,

    /// <summary>An operator relocked the door before the pulse or release ended.</summary>
    OperatorRelock = 7,
}
