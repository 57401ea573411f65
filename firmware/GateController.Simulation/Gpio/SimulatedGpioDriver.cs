using System.Collections.ObjectModel;
using GateController.Hardware.Gpio;

namespace GateController.Simulation.Gpio;

/// <summary>
/// A GPIO chip in memory behind the same seam as the Linux driver: tests and the demo set inputs, inject edges
/// with chosen timestamps, mark lines as held by another process, and read the outputs' history with timestamps.
/// Lines are named "GPIO0"… like the Raspberry Pi's. A released output floats to <see cref="ReleasedLevel"/>,
/// modelling the pull-down that keeps the relay driver off when nothing drives the line.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _lock = new();
    private readonly SimLine[] _lines;
    private readonly List<GpioOutputChange> _history = [];
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;

    /// <summary>Creates a chip with <paramref name="pinCount"/> lines whose clock is <paramref name="timeProvider"/>.</summary>
    public SimulatedGpioDriver(int pinCount, TimeProvider timeProvider, string chipName = "simulated-gpiochip0")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrEmpty(chipName);
        _timeProvider = timeProvider;
        _startTimestamp = timeProvider.GetTimestamp();
        ChipName = chipName;
        _lines = new SimLine[pinCount];
        for (var i = 0; i < pinCount; i++)
        {
            _lines[i] = new SimLine("GPIO" + i);
        }
    }

    /// <summary>Raised after an output line changes (written, reconfigured or released); for simulated devices such as a keypad matrix.</summary>
    public event EventHandler<GpioOutputChange>? OutputChanged;

    /// <inheritdoc />
    public override string ChipName { get; }

    /// <summary>The level a released or never-driven line floats to when nothing else drives it (default low).</summary>
    public PinValue ReleasedLevel { get; set; } = PinValue.Low;

    /// <summary>Every output change so far, oldest first.</summary>
    public ReadOnlyCollection<GpioOutputChange> OutputHistory
    {
        get
        {
            lock (_lock)
            {
                return _history.ToList().AsReadOnly();
            }
        }
    }

    /// <summary>The current time on the event clock (the timestamp domain of edges and output history).</summary>
    public TimeSpan EventClockNow => GetEventClockTime();

    /// <summary>Edges that were dropped by a line's debounce period.</summary>
    public long DebouncedEdges { get; private set; }

    /// <inheritdoc />
    protected override int PinCount => _lines.Length;

    /// <summary>Renames a line (the chip's line names are "GPIO0"… by default).</summary>
    public void NameLine(int pinNumber, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_lock)
        {
            Sim(pinNumber).Name = name;
        }
    }

    /// <summary>Marks a line as held by another process, so opening it fails like EBUSY.</summary>
    public void TakeLine(int pinNumber, string consumer)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        lock (_lock)
        {
            Sim(pinNumber).ForeignConsumer = consumer;
        }
    }

    /// <summary>Drives an input from outside at the current event-clock time.</summary>
    public void SetInput(int pinNumber, PinValue value) => SetInput(pinNumber, value, GetEventClockTime());

    /// <summary>Drives an input from outside; an edge is raised with <paramref name="timestamp"/> if the level changes.</summary>
    public void SetInput(int pinNumber, PinValue value, TimeSpan timestamp)
    {
        SimLine line;
        PinValue before;
        lock (_lock)
        {
            line = Sim(pinNumber);
            before = InputLevel(line);
            line.External = value;
        }

        if (before != value)
        {
            Raise(pinNumber, value.IsHigh ? PinEventTypes.Rising : PinEventTypes.Falling, timestamp);
        }
    }

    /// <summary>Stops driving an input from outside: it follows its bias (or <see cref="ReleasedLevel"/>) again.</summary>
    public void ReleaseInput(int pinNumber)
    {
        lock (_lock)
        {
            Sim(pinNumber).External = null;
        }
    }

    /// <summary>Injects one edge with a chosen timestamp; the input takes the edge's level even if it already had it.</summary>
    public void InjectEdge(int pinNumber, PinEventTypes edge, TimeSpan timestamp)
    {
        if (edge is not (PinEventTypes.Rising or PinEventTypes.Falling))
        {
            throw new ArgumentException("inject exactly one of Rising or Falling", nameof(edge));
        }

        lock (_lock)
        {
            Sim(pinNumber).External = edge == PinEventTypes.Rising;
        }

        Raise(pinNumber, edge, timestamp);
    }

    /// <summary>The level a line has now: the driven output, the external input, or the level it floats to.</summary>
    public PinValue GetLevel(int pinNumber)
    {
        lock (_lock)
        {
            var line = Sim(pinNumber);
            return line.IsOpen && line.Mode == PinMode.Output ? line.Output : InputLevel(line);
        }
    }

    /// <summary>True while this driver drives the line as an output.</summary>
    public bool IsDriven(int pinNumber)
    {
        lock (_lock)
        {
            var line = Sim(pinNumber);
            return line.IsOpen && line.Mode == PinMode.Output;
        }
    }

    /// <summary>True while this driver holds the line.</summary>
    public bool IsHeld(int pinNumber)
    {
        lock (_lock)
        {
            return Sim(pinNumber).IsOpen;
        }
    }

    /// <inheritdoc />
    protected override bool TryGetPinNumber(string lineName, out int pinNumber)
    {
        lock (_lock)
        {
            pinNumber = Array.FindIndex(_lines, l => string.Equals(l.Name, lineName, StringComparison.Ordinal));
            return pinNumber >= 0;
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (_lock)
        {
            var line = Sim(pinNumber);
            var holder = line.ForeignConsumer ?? (line.IsOpen ? "gatecontroller" : null);
            if (holder is not null)
            {
                throw new IOException($"line {pinNumber} ({line.Name}) on {ChipName} is already in use by '{holder}' (EBUSY, errno 16)", 16);
            }

            line.IsOpen = true;
            line.Mode = PinMode.Input;
            line.ModeSet = false;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        GpioOutputChange? change = null;
        lock (_lock)
        {
            var line = Sim(pinNumber);
            if (!line.IsOpen)
            {
                return;
            }

            var wasOutput = line.Mode == PinMode.Output;
            line.IsOpen = false;
            line.ModeSet = false;
            line.Mode = PinMode.Input;
            line.Callbacks = [];
            line.Debounce = TimeSpan.Zero;
            if (wasOutput)
            {
                change = Record(pinNumber, InputLevel(line), isDriven: false);
            }
        }

        if (change is not null)
        {
            OutputChanged?.Invoke(this, change);
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        GpioOutputChange? change = null;
        lock (_lock)
        {
            var line = Open(pinNumber);
            var wasOutput = line.ModeSet && line.Mode == PinMode.Output;
            line.Mode = mode;
            line.ModeSet = true;
            if (mode == PinMode.Output)
            {
                line.Output = initialValue;
                change = Record(pinNumber, initialValue, isDriven: true);
            }
            else if (wasOutput)
            {
                change = Record(pinNumber, InputLevel(line), isDriven: false);
            }
        }

        if (change is not null)
        {
            OutputChanged?.Invoke(this, change);
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return Open(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => Enum.IsDefined(mode);

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        lock (_lock)
        {
            var line = Open(pinNumber);
            return line.Mode == PinMode.Output ? line.Output : InputLevel(line);
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        GpioOutputChange change;
        lock (_lock)
        {
            var line = Open(pinNumber);
            line.Output = value;
            change = Record(pinNumber, value, isDriven: true);
        }

        OutputChanged?.Invoke(this, change);
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            var line = Open(pinNumber);
            if (line.Mode == PinMode.Output)
            {
                throw new InvalidOperationException($"line {pinNumber} on {ChipName} is an output; edges need an input");
            }

            line.Callbacks = [.. line.Callbacks, (eventTypes, callback)];
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            var line = Open(pinNumber);
            line.Callbacks = [.. line.Callbacks.Where(c => c.Callback != callback)];
        }
    }

    /// <summary>Sets the debounce period: an edge less than this after the line's previous edge is dropped (an approximation of the kernel's filter).</summary>
    protected override void SetDebounce(int pinNumber, TimeSpan debounce)
    {
        lock (_lock)
        {
            Open(pinNumber).Debounce = debounce;
        }
    }

    /// <inheritdoc />
    protected override TimeSpan GetEventClockTime() => _timeProvider.GetElapsedTime(_startTimestamp);

    /// <summary>Releases every line, as the kernel does when the process dies.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            for (var pin = 0; pin < _lines.Length; pin++)
            {
                ClosePin(pin);
            }
        }

        base.Dispose(disposing);
    }

    private void Raise(int pinNumber, PinEventTypes edge, TimeSpan timestamp)
    {
        (PinEventTypes EventTypes, PinChangeEventHandler Callback)[] callbacks;
        lock (_lock)
        {
            var line = _lines[pinNumber];
            if (!line.IsOpen || line.Mode == PinMode.Output)
            {
                return;
            }

            var previous = line.LastEdge;
            line.LastEdge = timestamp;
            if (line.Debounce > TimeSpan.Zero && previous is { } last && timestamp - last < line.Debounce)
            {
                DebouncedEdges++;
                return;
            }

            callbacks = line.Callbacks;
        }

        var args = new PinValueChangedEventArgs(edge, pinNumber, timestamp);
        foreach (var (eventTypes, callback) in callbacks)
        {
            if ((eventTypes & edge) != 0)
            {
                callback(this, args);
            }
        }
    }

    private PinValue InputLevel(SimLine line) =>
        line.External ?? (line.IsOpen && line.Mode == PinMode.InputPullUp ? PinValue.High
            : line.IsOpen && line.Mode == PinMode.InputPullDown ? PinValue.Low
            : ReleasedLevel);

    private GpioOutputChange Record(int pinNumber, PinValue value, bool isDriven)
    {
        var change = new GpioOutputChange(pinNumber, value, isDriven, GetEventClockTime(), _timeProvider.GetUtcNow());
        _history.Add(change);
        return change;
    }

    private SimLine Sim(int pinNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pinNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pinNumber, _lines.Length);
        return _lines[pinNumber];
    }

    private SimLine Open(int pinNumber)
    {
        var line = Sim(pinNumber);
        return line.IsOpen ? line : throw new InvalidOperationException($"line {pinNumber} on {ChipName} is not open");
    }

    private sealed class SimLine(string name)
    {
        public string Name { get; set; } = name;

        public string? ForeignConsumer { get; set; }

        public bool IsOpen { get; set; }

        public bool ModeSet { get; set; }

        public PinMode Mode { get; set; }

        public PinValue Output { get; set; }

        public PinValue? External { get; set; }

        public TimeSpan Debounce { get; set; }

        public TimeSpan? LastEdge { get; set; }

        public (PinEventTypes EventTypes, PinChangeEventHandler Callback)[] Callbacks { get; set; } = [];
    }
}
