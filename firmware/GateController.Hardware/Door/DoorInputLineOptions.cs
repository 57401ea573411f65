using GateController.Hardware.Gpio;

namespace GateController.Hardware.Door;

/// <summary>
/// One input line of the door. Contacts normally switch to ground against a pull-up: a normally-open contact
/// (exit button) is then active low; a normally-closed one (fire alarm dry contact, tamper, door reed closed while
/// shut) is active high — and a cut wire reads as active, the safe reading.
/// </summary>
public sealed class DoorInputLineOptions
{
    /// <summary>The line, by offset or by name; null or empty when not fitted.</summary>
    public string? Line { get; set; }

    /// <summary>True when the input is active while the line reads low.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>The line's bias (default pull-up).</summary>
    public PinMode Bias { get; set; } = PinMode.InputPullUp;

    /// <summary>A change counts once the line has been stable this long (default 30 ms).</summary>
    public int DebounceMilliseconds { get; set; } = 30;
}
