namespace GateController.Hardware.Door;

/// <summary>The door's inputs.</summary>
public enum DoorInputKind
{
    /// <summary>Request-to-exit button inside.</summary>
    ExitButton = 0,

    /// <summary>Door contact (reed switch): active while the door is open.</summary>
    DoorContact = 1,

    /// <summary>Fire alarm panel's dry contact: active while the alarm is on.</summary>
    FireAlarm = 2,

    /// <summary>Enclosure tamper switch: active while the cover is off.</summary>
    Tamper = 3,
}
