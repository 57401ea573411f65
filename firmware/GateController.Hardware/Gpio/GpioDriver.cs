namespace GateController.Hardware.Gpio;

/// <summary>
/// One GPIO chip as seen by a <see cref="GpioController"/> (shaped like System.Device.Gpio's GpioDriver).
/// Pin numbers are the chip's line offsets.
/// </summary>
public abstract class GpioDriver : IDisposable
{
    /// <summary>A short name of the chip for messages, for example "/dev/gpiochip0".</summary>
    public abstract string ChipName { get; }

    /// <summary>How many lines the chip has.</summary>
    protected internal abstract int PinCount { get; }

    /// <summary>Reserves a line for this driver; throws <see cref="IOException"/> if another owner holds it.</summary>
    protected internal abstract void OpenPin(int pinNumber);

    /// <summary>Releases a line; an output stops being driven.</summary>
    protected internal abstract void ClosePin(int pinNumber);

    /// <summary>Configures an open line; <paramref name="initialValue"/> is driven at once when <paramref name="mode"/> is an output.</summary>
    protected internal abstract void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue);

    /// <summary>The mode the line was configured with.</summary>
    protected internal abstract PinMode GetPinMode(int pinNumber);

    /// <summary>Whether the line supports <paramref name="mode"/>.</summary>
    protected internal abstract bool IsPinModeSupported(int pinNumber, PinMode mode);

    /// <summary>Reads the line's level.</summary>
    protected internal abstract PinValue Read(int pinNumber);

    /// <summary>Drives an output line.</summary>
    protected internal abstract void Write(int pinNumber, PinValue value);

    /// <summary>Starts calling <paramref name="callback"/> for <paramref name="eventTypes"/> edges on an input line.</summary>
    protected internal abstract void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback);

    /// <summary>Stops calling <paramref name="callback"/>.</summary>
    protected internal abstract void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback);

    /// <summary>Sets the edge debounce period of an input line (zero turns it off).</summary>
    protected internal abstract void SetDebounce(int pinNumber, TimeSpan debounce);

    /// <summary>The current time on the clock that stamps edges (monotonic; for Linux CLOCK_MONOTONIC).</summary>
    protected internal abstract TimeSpan GetEventClockTime();

    /// <summary>Finds a line by its name (for example "GPIO17"); false if the chip has no such line.</summary>
    protected internal virtual bool TryGetPinNumber(string lineName, out int pinNumber)
    {
        pinNumber = -1;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases every line this driver holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
