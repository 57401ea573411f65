namespace GateController.Telemetry.Events;

/// <summary>What happened. Kinds from <see cref="DoorHeldOpen"/> on are alarms.</summary>
public enum TelemetryEventKind
{
    /// <summary>Access granted.</summary>
    AccessGranted = 0,

    /// <summary>Access denied (reason says why).</summary>
    AccessDenied = 1,

    /// <summary>The door was released by an exit button, a guard or a remote command.</summary>
    DoorReleased = 2,

    /// <summary>A resident withdrew their face consent at the gate's keypad (their templates are deleted).</summary>
    FaceConsentWithdrawn = 3,

    /// <summary>Alarm: the door stayed open too long.</summary>
    DoorHeldOpen = 100,

    /// <summary>Alarm: the door opened without a release.</summary>
    DoorForced = 101,

    /// <summary>Alarm: the enclosure or a reader was tampered with.</summary>
    Tamper = 102,

    /// <summary>Alarm: the fire alarm input is active; the lock is released.</summary>
    FireAlarm = 103,

    /// <summary>Alarm: a duress PIN was entered.</summary>
    Duress = 104,

    /// <summary>Alarm: a credential or keypad was locked out after failures.</summary>
    Lockout = 105,
}
