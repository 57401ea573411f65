using GateController.Hardware.Keypad;

namespace GateController.Service.Configuration;

/// <summary>
/// The <c>Keypad</c> section: a matrix keypad on GPIO lines (when <see cref="Enabled"/>) and how digits become a PIN or
/// visitor code (for the matrix keypad and for a Wiegand reader's keypad alike).
/// </summary>
public sealed class KeypadServiceOptions
{
    /// <summary>Whether a matrix keypad is fitted.</summary>
    public bool Enabled { get; set; }

    /// <summary>The keypad's identifier in events and health.</summary>
    public string ReaderId { get; set; } = "keypad";

    /// <summary>The key layout.</summary>
    public KeypadLayout Layout { get; set; } = KeypadLayout.Matrix4x3;

    /// <summary>The row lines of the Pi wiring in hardware-docs.</summary>
    public static readonly IReadOnlyList<int> DefaultRowPins = [12, 16, 20, 21];

    /// <summary>The column lines of the Pi wiring in hardware-docs.</summary>
    public static readonly IReadOnlyList<int> DefaultColumnPins = [13, 19, 26];

    /// <summary>The row line offsets (driven); null for <see cref="DefaultRowPins"/>. (Null by default: configuration binding appends to an array.)</summary>
    public int[]? RowPins { get; set; }

    /// <summary>The column line offsets (read); null for <see cref="DefaultColumnPins"/>.</summary>
    public int[]? ColumnPins { get; set; }

    /// <summary>The row lines in effect.</summary>
    public IReadOnlyList<int> EffectiveRowPins => RowPins ?? DefaultRowPins;

    /// <summary>The column lines in effect.</summary>
    public IReadOnlyList<int> EffectiveColumnPins => ColumnPins ?? DefaultColumnPins;

    /// <summary>How often the matrix is scanned.</summary>
    public int ScanIntervalMilliseconds { get; set; } = 10;

    /// <summary>How long a key must read steady.</summary>
    public int DebounceMilliseconds { get; set; } = 30;

    /// <summary>How long an unfinished entry waits for its next key.</summary>
    public int EntryTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>How long after a card the keys typed are that card's PIN (0 = no window).</summary>
    public int FollowUpWindowMilliseconds { get; set; }

    /// <summary>The matrix keypad's settings.</summary>
    public MatrixKeypadOptions ToKeypadOptions() => new()
    {
        Layout = Layout,
        RowPins = EffectiveRowPins,
        ColumnPins = EffectiveColumnPins,
        ScanIntervalMilliseconds = ScanIntervalMilliseconds,
        DebounceMilliseconds = DebounceMilliseconds,
    };

    /// <summary>How keys become an entry.</summary>
    public PinEntryOptions ToPinEntryOptions() => new()
    {
        EntryTimeoutMilliseconds = EntryTimeoutMilliseconds,
        FollowUpWindowMilliseconds = FollowUpWindowMilliseconds,
    };

    /// <summary>Every problem, one message each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(ToPinEntryOptions().Validate());
        if (Enabled)
        {
            problems.AddRange(ToKeypadOptions().Validate());
            if (string.IsNullOrWhiteSpace(ReaderId))
            {
                problems.Add($"{nameof(ReaderId)}: a reader needs an identifier");
            }
        }

        return problems;
    }
}
