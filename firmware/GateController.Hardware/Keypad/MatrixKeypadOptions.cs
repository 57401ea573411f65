namespace GateController.Hardware.Keypad;

/// <summary>Settings of a matrix keypad scanned over GPIO: rows are driven low one at a time, columns read with pull-ups.</summary>
public sealed class MatrixKeypadOptions
{
    /// <summary>The layout (default 4×3).</summary>
    public KeypadLayout Layout { get; init; } = KeypadLayout.Matrix4x3;

    /// <summary>Row lines, top to bottom (default GPIO12, 16, 20, 21: header pins 32, 36, 38, 40).</summary>
    public IReadOnlyList<int> RowPins { get; init; } = [12, 16, 20, 21];

    /// <summary>Column lines, left to right (default GPIO13, 19, 26: header pins 33, 35, 37; a 4×4 adds GPIO14, pin 8).</summary>
    public IReadOnlyList<int> ColumnPins { get; init; } = [13, 19, 26];

    /// <summary>Time between scans (default 10 ms).</summary>
    public int ScanIntervalMilliseconds { get; init; } = 10;

    /// <summary>A key counts as pressed or released after it has been stable this long (default 30 ms).</summary>
    public int DebounceMilliseconds { get; init; } = 30;

    /// <summary>First retry delay after a fault opening the lines.</summary>
    public int RetryDelayMilliseconds { get; init; } = 1000;

    /// <summary>Every problem with these options, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (RowPins.Count != 4)
        {
            problems.Add($"{nameof(RowPins)}: {RowPins.Count} lines given, the {Layout} layout has 4 rows");
        }

        if (Enum.IsDefined(Layout) && ColumnPins.Count != KeypadLayouts.ColumnCount(Layout))
        {
            problems.Add($"{nameof(ColumnPins)}: {ColumnPins.Count} lines given, the {Layout} layout has {KeypadLayouts.ColumnCount(Layout)} columns");
        }

        if (!Enum.IsDefined(Layout))
        {
            problems.Add($"{nameof(Layout)}: {Layout} is not a known layout");
        }

        foreach (var pin in RowPins.Concat(ColumnPins).Where(p => p < 0))
        {
            problems.Add($"line {pin}: not a line number");
        }

        foreach (var duplicate in RowPins.Concat(ColumnPins).GroupBy(p => p).Where(g => g.Count() > 1))
        {
            problems.Add($"line {duplicate.Key}: used {duplicate.Count()} times in {nameof(RowPins)}/{nameof(ColumnPins)}");
        }

        if (ScanIntervalMilliseconds is < 1 or > 100)
        {
            problems.Add($"{nameof(ScanIntervalMilliseconds)}: {ScanIntervalMilliseconds} is outside 1-100");
        }

        if (DebounceMilliseconds < ScanIntervalMilliseconds || DebounceMilliseconds > 500)
        {
            problems.Add($"{nameof(DebounceMilliseconds)}: {DebounceMilliseconds} must be between {nameof(ScanIntervalMilliseconds)} and 500");
        }

        if (RetryDelayMilliseconds < 1)
        {
            problems.Add($"{nameof(RetryDelayMilliseconds)}: {RetryDelayMilliseconds} is below 1");
        }

        return problems;
    }
}
