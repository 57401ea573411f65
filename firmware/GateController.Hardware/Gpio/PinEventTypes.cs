namespace GateController.Hardware.Gpio;

/// <summary>Edges a callback listens for; values match System.Device.Gpio's PinEventTypes.</summary>
[Flags]
public enum PinEventTypes
{
    /// <summary>No edge.</summary>
    None = 0,

    /// <summary>Low to high.</summary>
    Rising = 1,

    /// <summary>High to low.</summary>
    Falling = 2,
}
