namespace GateController.Hardware.Gpio;

/// <summary>The logical level of a line (shaped like System.Device.Gpio's PinValue).</summary>
public readonly record struct PinValue
{
    private readonly bool _isHigh;

    private PinValue(bool isHigh) => _isHigh = isHigh;

    /// <summary>The high level (1).</summary>
    public static PinValue High { get; } = new(true);

    /// <summary>The low level (0).</summary>
    public static PinValue Low { get; } = new(false);

    /// <summary>True for <see cref="High"/>.</summary>
    public bool IsHigh => _isHigh;

    /// <summary>High for true, low for false.</summary>
    public static implicit operator PinValue(bool value) => FromBoolean(value);

    /// <summary>High for any non-zero value.</summary>
    public static implicit operator PinValue(int value) => FromInt32(value);

    /// <summary>True for high.</summary>
    public static explicit operator bool(PinValue value) => value._isHigh;

    /// <summary>1 for high, 0 for low.</summary>
    public static explicit operator int(PinValue value) => value._isHigh ? 1 : 0;

    /// <summary>High for true, low for false.</summary>
    public static PinValue FromBoolean(bool value) => new(value);

    /// <summary>High for any non-zero value.</summary>
    public static PinValue FromInt32(int value) => new(value != 0);

    /// <summary>1 for high, 0 for low.</summary>
    public int ToInt32() => _isHigh ? 1 : 0;

    /// <summary>The opposite level.</summary>
    public PinValue Invert() => new(!_isHigh);

    /// <inheritdoc />
    public override string ToString() => _isHigh ? "High" : "Low";
}
