using System.Text;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Gpio;

/// <summary>
/// A GPIO chip through the Linux character device (/dev/gpiochipN) and the kernel's uAPI v2 ioctls.
/// Each configured line is one GPIO_V2_GET_LINE request whose fd is held by a SafeHandle; the kernel releases
/// the line when that fd closes — on <see cref="GpioController.ClosePin"/>, on Dispose, and when the process dies.
/// After release the kernel leaves a line's state undefined, so outputs whose safe state matters (the lock relay)
/// must be wired so that an undriven line is the safe state (see hardware-docs/wiring.md).
/// Edges are delivered with the kernel's CLOCK_MONOTONIC timestamp.
/// </summary>
public sealed unsafe class LinuxGpioDriver : GpioDriver
{
    private const string Consumer = "gatecontroller";
    private const uint EventBufferSize = 256;

    private readonly FileDescriptorHandle _chip;
    private readonly string _device;
    private readonly int _lineCount;
    private readonly Dictionary<int, LineState> _lines = [];
    private readonly Lock _lock = new();

    /// <summary>Opens a chip: "/dev/gpiochip0", "gpiochip0" or "0". Throws <see cref="IOException"/> naming the device and errno.</summary>
    public LinuxGpioDriver(string chip)
    {
        ArgumentException.ThrowIfNullOrEmpty(chip);
        _device = ChipPath(chip);
        _chip = FileDescriptorHandle.Open(_device, Libc.O_RDWR);
        try
        {
            var info = default(GpioChipInfo);
            Ioctl(_chip, GpioUapi.GetChipInfo, &info, "GPIO_GET_CHIPINFO_IOCTL");
            _lineCount = (int)info.Lines;
            Label = Text(info.Label, GpioUapi.MaxNameSize);
        }
        catch
        {
            _chip.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override string ChipName => _device;

    /// <summary>The chip's label from the kernel, for example "pinctrl-bcm2711".</summary>
    public string Label { get; }

    /// <inheritdoc />
    protected internal override int PinCount => _lineCount;

    /// <summary>Maps "gpiochip0" or "0" to "/dev/gpiochip0"; a path is kept.</summary>
    internal static string ChipPath(string chip) =>
        chip.StartsWith('/') ? chip
        : chip.All(char.IsAsciiDigit) ? "/dev/gpiochip" + chip
        : "/dev/" + chip;

    /// <summary>The kernel's view of a line: its name, consumer and whether someone holds it.</summary>
    public GpioLineInfo GetLineInfo(int pinNumber)
    {
        var info = default(GpioV2LineInfo);
        info.Offset = (uint)pinNumber;
        Ioctl(_chip, GpioUapi.GetLineInfo, &info, $"GPIO_V2_GET_LINEINFO_IOCTL (line {pinNumber})");
        return new GpioLineInfo(
            pinNumber,
            Text(info.Name, GpioUapi.MaxNameSize),
            Text(info.Consumer, GpioUapi.MaxNameSize),
            (info.Flags & GpioUapi.LineFlagUsed) != 0);
    }

    /// <inheritdoc />
    protected internal override bool TryGetPinNumber(string lineName, out int pinNumber)
    {
        for (var offset = 0; offset < _lineCount; offset++)
        {
            if (string.Equals(GetLineInfo(offset).Name, lineName, StringComparison.Ordinal))
            {
                pinNumber = offset;
                return true;
            }
        }

        pinNumber = -1;
        return false;
    }

    /// <inheritdoc />
    protected internal override void OpenPin(int pinNumber)
    {
        lock (_lock)
        {
            var info = GetLineInfo(pinNumber);
            if (info.IsUsed)
            {
                throw new IOException($"line {pinNumber} ({info.Name}) on {_device} is already in use by '{info.Consumer}'", 16);
            }

            _lines[pinNumber] = new LineState(pinNumber);
        }
    }

    /// <inheritdoc />
    protected internal override void ClosePin(int pinNumber)
    {
        LineState line;
        lock (_lock)
        {
            if (!_lines.Remove(pinNumber, out line!))
            {
                return;
            }
        }

        line.Pump?.Dispose();
        line.Handle?.Dispose();
    }

    /// <inheritdoc />
    protected internal override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        lock (_lock)
        {
            var line = Line(pinNumber);
            line.Mode = mode;
            line.OutputValue = initialValue;
            Apply(line);
        }
    }

    /// <inheritdoc />
    protected internal override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return Line(pinNumber).Mode;
        }
    }

    /// <inheritdoc />
    protected internal override bool IsPinModeSupported(int pinNumber, PinMode mode) => Enum.IsDefined(mode);

    /// <inheritdoc />
    protected internal override PinValue Read(int pinNumber)
    {
        var line = Requested(pinNumber);
        var values = new GpioV2LineValues { Mask = 1 };
        Ioctl(line.Handle!, GpioUapi.LineGetValues, &values, $"GPIO_V2_LINE_GET_VALUES_IOCTL (line {pinNumber})");
        return (values.Bits & 1) != 0;
    }

    /// <inheritdoc />
    protected internal override void Write(int pinNumber, PinValue value)
    {
        var line = Requested(pinNumber);
        var values = new GpioV2LineValues { Mask = 1, Bits = value.IsHigh ? 1UL : 0UL };
        Ioctl(line.Handle!, GpioUapi.LineSetValues, &values, $"GPIO_V2_LINE_SET_VALUES_IOCTL (line {pinNumber})");
        line.OutputValue = value;
    }

    /// <inheritdoc />
    protected internal override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            var line = Line(pinNumber);
            if (line.Mode == PinMode.Output)
            {
                throw new InvalidOperationException($"line {pinNumber} on {_device} is an output; edges need an input");
            }

            line.Callbacks = [.. line.Callbacks, (eventTypes, callback)];
            Apply(line);
        }
    }

    /// <inheritdoc />
    protected internal override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            var line = Line(pinNumber);
            line.Callbacks = [.. line.Callbacks.Where(c => c.Callback != callback)];
            Apply(line);
        }
    }

    /// <inheritdoc />
    protected internal override void SetDebounce(int pinNumber, TimeSpan debounce)
    {
        lock (_lock)
        {
            var line = Line(pinNumber);
            line.Debounce = debounce;
            Apply(line);
        }
    }

    /// <inheritdoc />
    protected internal override TimeSpan GetEventClockTime() => MonotonicNow();

    /// <summary>CLOCK_MONOTONIC now, the clock the kernel stamps GPIO edges with.</summary>
    internal static TimeSpan MonotonicNow()
    {
        var now = default(TimeSpec);
        if (Libc.ClockGetTime(Libc.CLOCK_MONOTONIC, &now) != 0)
        {
            throw Errno.LastError("clock_gettime", "CLOCK_MONOTONIC");
        }

        return TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100));
    }

    /// <summary>The config flags for a mode and the edges callbacks want.</summary>
    internal static ulong Flags(PinMode mode, PinEventTypes edges)
    {
        var flags = mode switch
        {
            PinMode.Output => GpioUapi.LineFlagOutput,
            PinMode.InputPullUp => GpioUapi.LineFlagInput | GpioUapi.LineFlagBiasPullUp,
            PinMode.InputPullDown => GpioUapi.LineFlagInput | GpioUapi.LineFlagBiasPullDown,
            _ => GpioUapi.LineFlagInput,
        };
        if (mode != PinMode.Output)
        {
            if (edges.HasFlag(PinEventTypes.Rising))
            {
                flags |= GpioUapi.LineFlagEdgeRising;
            }

            if (edges.HasFlag(PinEventTypes.Falling))
            {
                flags |= GpioUapi.LineFlagEdgeFalling;
            }
        }

        return flags;
    }

    /// <summary>Builds the line config for a mode, edges, output value and debounce.</summary>
    internal static GpioV2LineConfig Config(PinMode mode, PinEventTypes edges, PinValue outputValue, TimeSpan debounce)
    {
        var config = new GpioV2LineConfig { Flags = Flags(mode, edges) };
        if (mode == PinMode.Output)
        {
            config.AddAttribute(GpioUapi.LineAttributeIdOutputValues, outputValue.IsHigh ? 1UL : 0UL, 1);
        }
        else if (debounce > TimeSpan.Zero)
        {
            config.AddAttribute(GpioUapi.LineAttributeIdDebounce, (ulong)(debounce.Ticks / 10), 1);
        }

        return config;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            int[] pins;
            lock (_lock)
            {
                pins = [.. _lines.Keys];
            }

            foreach (var pin in pins)
            {
                ClosePin(pin);
            }

            _chip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string Text(byte* bytes, int size)
    {
        var span = new ReadOnlySpan<byte>(bytes, size);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    private void Ioctl(FileDescriptorHandle handle, nuint request, void* argument, string operation)
    {
        var result = handle.Use(fd => Libc.Ioctl(fd, request, argument));
        if (result < 0)
        {
            throw Errno.LastError(operation, _device);
        }
    }

    private LineState Line(int pinNumber) =>
        _lines.TryGetValue(pinNumber, out var line) ? line : throw new InvalidOperationException($"line {pinNumber} on {_device} is not open");

    private LineState Requested(int pinNumber)
    {
        lock (_lock)
        {
            var line = Line(pinNumber);
            return line.Handle is null ? throw new InvalidOperationException($"line {pinNumber} on {_device} has no mode set") : line;
        }
    }

    private void Apply(LineState line)
    {
        var edges = line.Callbacks.Aggregate(PinEventTypes.None, (all, c) => all | c.EventTypes);
        var config = Config(line.Mode, edges, line.OutputValue, line.Debounce);
        if (line.Handle is null)
        {
            var request = default(GpioV2LineRequest);
            request.Offsets[0] = (uint)line.Offset;
            var consumer = Encoding.ASCII.GetBytes(Consumer);
            for (var i = 0; i < consumer.Length; i++)
            {
                request.Consumer[i] = consumer[i];
            }

            request.Config = config;
            request.NumLines = 1;
            request.EventBufferSize = EventBufferSize;
            Ioctl(_chip, GpioUapi.GetLine, &request, $"GPIO_V2_GET_LINE_IOCTL (line {line.Offset})");
            line.Handle = new FileDescriptorHandle(request.Fd);
        }
        else
        {
            Ioctl(line.Handle, GpioUapi.LineSetConfig, &config, $"GPIO_V2_LINE_SET_CONFIG_IOCTL (line {line.Offset})");
        }

        if (edges != PinEventTypes.None && line.Pump is null)
        {
            line.Pump = new GpioLineEventPump(line.Handle, $"{_device} line {line.Offset}", e => Dispatch(line, e));
        }
    }

    private void Dispatch(LineState line, GpioV2LineEvent record)
    {
        var type = record.Id == GpioUapi.LineEventRisingEdge ? PinEventTypes.Rising : PinEventTypes.Falling;
        var args = new PinValueChangedEventArgs(type, line.Offset, TimeSpan.FromTicks((long)(record.TimestampNanoseconds / 100)));
        foreach (var (eventTypes, callback) in line.Callbacks)
        {
            if ((eventTypes & type) != 0)
            {
                callback(this, args);
            }
        }
    }

    private sealed class LineState(int offset)
    {
        public int Offset { get; } = offset;

        public PinMode Mode { get; set; }

        public PinValue OutputValue { get; set; }

        public TimeSpan Debounce { get; set; }

        public FileDescriptorHandle? Handle { get; set; }

        public GpioLineEventPump? Pump { get; set; }

        public (PinEventTypes EventTypes, PinChangeEventHandler Callback)[] Callbacks { get; set; } = [];
    }
}
