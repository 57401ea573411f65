namespace GateController.Core.Door;

/// <summary>The pattern the buzzer should play; the hardware layer turns it into tones.</summary>
public enum BuzzerPattern
{
    /// <summary>Silent.</summary>
    None = 0,

    /// <summary>Short confirmation after an access grant.</summary>
    Granted = 1,

    /// <summary>Refusal after an access denial.</summary>
    Denied = 2,

    /// <summary>Continuous alarm: door forced, held open or tampered with.</summary>
    Alarm = 3,

    /// <summary>The keypad or credential is locked out after too many failed attempts.</summary>
    LockedOut = 4,
}
