namespace GateController.Hardware.Gpio;

/// <summary>An edge on a line, with the time the driver (for Linux: the kernel) stamped it.</summary>
public sealed class PinValueChangedEventArgs : EventArgs
{
    /// <summary>Creates the arguments for one edge.</summary>
    /// <param name="changeType">Rising or falling.</param>
    /// <param name="pinNumber">The line's number on its chip (the line offset).</param>
    /// <param name="timestamp">When the edge happened on the driver's event clock (see <see cref="GpioDriver.GetEventClockTime"/>).</param>
    public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber, TimeSpan timestamp)
    {
        ChangeType = changeType;
        PinNumber = pinNumber;
        Timestamp = timestamp;
    }

    /// <summary>Rising or falling.</summary>
    public PinEventTypes ChangeType { get; }

    /// <summary>The line's number on its chip.</summary>
    public int PinNumber { get; }

    /// <summary>
    /// When the edge happened on the driver's monotonic event clock. For the Linux driver this is the kernel's
    /// CLOCK_MONOTONIC timestamp_ns of the gpio_v2_line_event, not the time the process read it.
    /// </summary>
    public TimeSpan Timestamp { get; }
}
