namespace GateController.Hardware.Gpio;

/// <summary>
/// Opens, reads, writes and watches GPIO lines of one chip through a <see cref="GpioDriver"/>.
/// Shaped like System.Device.Gpio's GpioController so that moving to that package is mechanical;
/// our additions are <see cref="SetDebounce"/>, <see cref="GetPinNumber"/> and <see cref="GetEventClockTime"/>.
/// </summary>
public class GpioController : IDisposable
{
    private readonly GpioDriver _driver;
    private readonly HashSet<int> _openPins = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Creates a controller over <paramref name="driver"/>; the controller owns and disposes it.</summary>
    public GpioController(GpioDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        _driver = driver;
    }

    /// <summary>The chip's name, for messages.</summary>
    public string ChipName => _driver.ChipName;

    /// <summary>How many lines the chip has.</summary>
    public int PinCount => _driver.PinCount;

    /// <summary>Opens a line without configuring it.</summary>
    public void OpenPin(int pinNumber)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckPinNumber(pinNumber);
        lock (_lock)
        {
            if (_openPins.Contains(pinNumber))
            {
                throw new InvalidOperationException($"line {pinNumber} on {ChipName} is already open");
            }

            _driver.OpenPin(pinNumber);
            _openPins.Add(pinNumber);
        }
    }

    /// <summary>Opens a line and sets its mode; an output starts low.</summary>
    public void OpenPin(int pinNumber, PinMode mode) => OpenPin(pinNumber, mode, PinValue.Low);

    /// <summary>Opens a line and sets its mode; an output starts at <paramref name="initialValue"/> without a glitch.</summary>
    public void OpenPin(int pinNumber, PinMode mode, PinValue initialValue)
    {
        OpenPin(pinNumber);
        try
        {
            SetPinMode(pinNumber, mode, initialValue);
        }
        catch
        {
            ClosePin(pinNumber);
            throw;
        }
    }

    /// <summary>Closes a line: callbacks stop and an output stops being driven.</summary>
    public void ClosePin(int pinNumber)
    {
        lock (_lock)
        {
            RequireOpen(pinNumber);
            _driver.ClosePin(pinNumber);
            _openPins.Remove(pinNumber);
        }
    }

    /// <summary>True if this controller has the line open.</summary>
    public bool IsPinOpen(int pinNumber)
    {
        lock (_lock)
        {
            return _openPins.Contains(pinNumber);
        }
    }

    /// <summary>Sets the mode of an open line; an output keeps the level the line had, low if unknown.</summary>
    public void SetPinMode(int pinNumber, PinMode mode) => SetPinMode(pinNumber, mode, PinValue.Low);

    /// <summary>Sets the mode of an open line, driving <paramref name="initialValue"/> if it becomes an output.</summary>
    public void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        RequireOpen(pinNumber);
        if (!_driver.IsPinModeSupported(pinNumber, mode))
        {
            throw new InvalidOperationException($"line {pinNumber} on {ChipName} does not support mode {mode}");
        }

        _driver.SetPinMode(pinNumber, mode, initialValue);
    }

    /// <summary>The mode of an open line.</summary>
    public PinMode GetPinMode(int pinNumber)
    {
        RequireOpen(pinNumber);
        return _driver.GetPinMode(pinNumber);
    }

    /// <summary>Whether a line supports a mode.</summary>
    public bool IsPinModeSupported(int pinNumber, PinMode mode)
    {
        CheckPinNumber(pinNumber);
        return _driver.IsPinModeSupported(pinNumber, mode);
    }

    /// <summary>Reads an open line.</summary>
    public PinValue Read(int pinNumber)
    {
        RequireOpen(pinNumber);
        return _driver.Read(pinNumber);
    }

    /// <summary>Drives an open output line.</summary>
    public void Write(int pinNumber, PinValue value)
    {
        RequireOpen(pinNumber);
        if (_driver.GetPinMode(pinNumber) != PinMode.Output)
        {
            throw new InvalidOperationException($"line {pinNumber} on {ChipName} is not an output");
        }

        _driver.Write(pinNumber, value);
    }

    /// <summary>Calls <paramref name="callback"/> on the driver's event thread for each matching edge of an open input line.</summary>
    public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (eventTypes == PinEventTypes.None)
        {
            throw new ArgumentException("at least one edge type is needed", nameof(eventTypes));
        }

        RequireOpen(pinNumber);
        _driver.AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, callback);
    }

    /// <summary>Stops calling <paramref name="callback"/>.</summary>
    public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        RequireOpen(pinNumber);
        _driver.RemoveCallbackForPinValueChangedEvent(pinNumber, callback);
    }

    /// <summary>Sets an input line's edge debounce period (zero turns it off).</summary>
    public void SetDebounce(int pinNumber, TimeSpan debounce)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        RequireOpen(pinNumber);
        _driver.SetDebounce(pinNumber, debounce);
    }

    /// <summary>Waits for the first matching edge, or until <paramref name="cancellationToken"/> is cancelled (then TimedOut is true).</summary>
    public WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        WaitForEventAsync(pinNumber, eventTypes, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Waits for the first matching edge, or until <paramref name="cancellationToken"/> is cancelled (then TimedOut is true).</summary>
    public async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<WaitForEventResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEdge(object sender, PinValueChangedEventArgs e) =>
            completion.TrySetResult(new WaitForEventResult(e.ChangeType, false, e.Timestamp));

        RegisterCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnEdge);
        try
        {
            using (cancellationToken.Register(() => completion.TrySetResult(new WaitForEventResult(PinEventTypes.None, true, TimeSpan.Zero))))
            {
                return await completion.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            if (IsPinOpen(pinNumber))
            {
                UnregisterCallbackForPinValueChangedEvent(pinNumber, OnEdge);
            }
        }
    }

    /// <summary>Finds a line by name; throws <see cref="ArgumentException"/> naming the line and chip if there is none.</summary>
    public int GetPinNumber(string lineName) =>
        TryGetPinNumber(lineName, out var pinNumber)
            ? pinNumber
            : throw new ArgumentException($"{ChipName} has no line named '{lineName}'", nameof(lineName));

    /// <summary>Finds a line by name.</summary>
    public bool TryGetPinNumber(string lineName, out int pinNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(lineName);
        return _driver.TryGetPinNumber(lineName, out pinNumber);
    }

    /// <summary>The current time on the clock that stamps edges, to compare with <see cref="PinValueChangedEventArgs.Timestamp"/>.</summary>
    public TimeSpan GetEventClockTime() => _driver.GetEventClockTime();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes every open line and disposes the driver.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        lock (_lock)
        {
            foreach (var pin in _openPins)
            {
                _driver.ClosePin(pin);
            }

            _openPins.Clear();
        }

        _driver.Dispose();
    }

    private void CheckPinNumber(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _driver.PinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"{ChipName} has lines 0-{_driver.PinCount - 1}");
        }
    }

    private void RequireOpen(int pinNumber)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_lock)
        {
            if (!_openPins.Contains(pinNumber))
            {
                throw new InvalidOperationException($"line {pinNumber} on {ChipName} is not open");
            }
        }
    }
}
