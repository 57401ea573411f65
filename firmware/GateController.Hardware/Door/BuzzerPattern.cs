namespace GateController.Hardware.Door;

/// <summary>What the buzzer plays.</summary>
public enum BuzzerPattern
{
    /// <summary>Silent.</summary>
    Off = 0,

    /// <summary>One short beep (200 ms).</summary>
    Granted = 1,

    /// <summary>Three short beeps.</summary>
    Denied = 2,

    /// <summary>On and off every 500 ms until another pattern is played.</summary>
    Alarm = 3,

    /// <summary>One long beep (1.5 s).</summary>
    LockedOut = 4,

    /// <summary>Two short beeps: the unit asks for the confirmation key.</summary>
    Prompt = 5,

    /// <summary>A long beep then a short one: a request made at the keypad was carried out.</summary>
    Confirmed = 6,
}
