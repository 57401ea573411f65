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

    /// <summary>The unit asks for confirmation (withdrawal of face consent at the gate: "press the confirmation key").</summary>
    Prompt = 5,

    /// <summary>A request made at the keypad was carried out (face consent withdrawn, templates deleted).</summary>
    Confirmed = 6,
}
