using System.Buffers.Binary;
using System.Globalization;
using GateController.Hardware.Input;

namespace GateController.Hardware.Readers.Hid;

/// <summary>
/// Turns a keyboard-wedge reader's key events into card numbers: digits (main row or keypad) and, for hex readers,
/// A–F, with shift tracked, ended by Enter. Refuses what is not a card: a character outside the format ("invalid-key"),
/// keys further apart than a reader types them ("typed-by-hand", from the kernel timestamps), a wrong length
/// ("length"), or no Enter in time ("partial-timeout"). Pure: no I/O, no clock of its own.
/// </summary>
public sealed class KeyboardWedgeDecoder
{
    private readonly KeyboardWedgeOptions _options;
    private readonly char[] _characters;
    private int _length;
    private bool _leftShift;
    private bool _rightShift;
    private long _lastKeyMicroseconds;
    private string? _spoiled;
    private byte[] _card = [];

    /// <summary>A decoder with <paramref name="options"/>.</summary>
    public KeyboardWedgeDecoder(KeyboardWedgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _characters = new char[64];
    }

    /// <summary>The reason of the last <see cref="KeyboardWedgeOutcome.Rejected"/>.</summary>
    public string RejectionReason { get; private set; } = string.Empty;

    /// <summary>True while characters of an unfinished number are held.</summary>
    public bool HasPartial => _length > 0 || _spoiled is not null;

    /// <summary>The bytes of the last <see cref="KeyboardWedgeOutcome.Card"/>, most significant first.</summary>
    public ReadOnlySpan<byte> Card => _card;

    /// <summary>Feeds one event.</summary>
    public KeyboardWedgeOutcome Feed(in InputEvent inputEvent)
    {
        if (inputEvent.Type != InputEventCodes.EventKey)
        {
            return KeyboardWedgeOutcome.None;
        }

        switch (inputEvent.Code)
        {
            case InputEventCodes.KeyLeftShift:
                _leftShift = inputEvent.Value != InputEventCodes.Released;
                return KeyboardWedgeOutcome.None;
            case InputEventCodes.KeyRightShift:
                _rightShift = inputEvent.Value != InputEventCodes.Released;
                return KeyboardWedgeOutcome.None;
        }

        if (inputEvent.Value != InputEventCodes.Pressed)
        {
            // Releases and auto-repeat: a reader never holds a key long enough to repeat.
            if (inputEvent.Value != InputEventCodes.Released && HasPartial)
            {
                _spoiled ??= "typed-by-hand";
            }

            return KeyboardWedgeOutcome.None;
        }

        var now = inputEvent.TimestampMicroseconds;
        if (HasPartial && now - _lastKeyMicroseconds > _options.MaximumKeyIntervalMilliseconds * 1000L)
        {
            _spoiled ??= "typed-by-hand";
        }

        _lastKeyMicroseconds = now;
        if (inputEvent.Code is InputEventCodes.KeyEnter or InputEventCodes.KeyKeypadEnter)
        {
            return Complete();
        }

        var character = InputEventCodes.CharacterOf(inputEvent.Code, _leftShift || _rightShift);
        var allowed = character is { } c && (char.IsAsciiDigit(c) || _options.NumberFormat == KeyboardWedgeNumberFormat.HexadecimalDigits);
        if (!allowed)
        {
            _spoiled ??= "invalid-key";
        }
        else if (_length < _characters.Length)
        {
            _characters[_length++] = character!.Value;
        }
        else
        {
            _spoiled ??= "length";
        }

        return KeyboardWedgeOutcome.None;
    }

    /// <summary>
    /// Drops an unfinished number whose last key is older than the partial timeout at <paramref name="nowMicroseconds"/>
    /// (same clock as the events' timestamps).
    /// </summary>
    public KeyboardWedgeOutcome Expire(long nowMicroseconds)
    {
        if (!HasPartial || nowMicroseconds - _lastKeyMicroseconds <= _options.PartialTimeoutMilliseconds * 1000L)
        {
            return KeyboardWedgeOutcome.None;
        }

        Reset();
        RejectionReason = "partial-timeout";
        return KeyboardWedgeOutcome.Rejected;
    }

    /// <summary>Forgets any unfinished number (the device went away).</summary>
    public void Reset()
    {
        Array.Clear(_characters);
        _length = 0;
        _spoiled = null;
    }

    private KeyboardWedgeOutcome Complete()
    {
        var spoiled = _spoiled;
        var length = _length;
        if (spoiled is null && length == 0)
        {
            // A bare Enter: nothing to refuse.
            return KeyboardWedgeOutcome.None;
        }

        if (spoiled is null && (length < _options.MinimumLength || length > _options.MaximumLength))
        {
            spoiled = "length";
        }

        byte[]? card = null;
        if (spoiled is null)
        {
            card = _options.NumberFormat == KeyboardWedgeNumberFormat.DecimalDigits
                ? FromDecimal(_characters.AsSpan(0, length))
                : FromHex(_characters.AsSpan(0, length));
            if (card is null)
            {
                spoiled = "length";
            }
        }

        Reset();
        Array.Clear(_card);
        if (card is null)
        {
            RejectionReason = spoiled!;
            return KeyboardWedgeOutcome.Rejected;
        }

        _card = card;
        return KeyboardWedgeOutcome.Card;
    }

    /// <summary>A decimal number as 5 bytes big-endian (EM4100's 40 bits), or 8 when larger; leading zeros vanish.</summary>
    private static byte[]? FromDecimal(ReadOnlySpan<char> digits)
    {
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return (value >> 40) == 0 ? bytes[3..].ToArray() : bytes.ToArray();
    }

    /// <summary>Hex characters as bytes, most significant first; an odd count gets a leading zero nibble.</summary>
    private static byte[] FromHex(ReadOnlySpan<char> characters)
    {
        Span<char> even = stackalloc char[characters.Length + 1];
        even[0] = '0';
        characters.CopyTo(even[1..]);
        var source = characters.Length % 2 == 0 ? even[1..] : even;
        return Convert.FromHexString(source);
    }
}
