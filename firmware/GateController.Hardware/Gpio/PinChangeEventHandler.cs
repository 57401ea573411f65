using System.Diagnostics.CodeAnalysis;

namespace GateController.Hardware.Gpio;

/// <summary>A callback for edges on a line (shaped like System.Device.Gpio's). Keep it short: it runs on the driver's event thread.</summary>
/// <param name="sender">The controller or driver that saw the edge.</param>
/// <param name="pinValueChangedEventArgs">The edge.</param>
[SuppressMessage("Naming", "CA1711", Justification = "Same name as System.Device.Gpio's delegate, for a mechanical move.")]
public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);
