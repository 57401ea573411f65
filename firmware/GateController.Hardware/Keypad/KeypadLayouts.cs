namespace GateController.Hardware.Keypad;

/// <summary>The key characters of each layout, row by row.</summary>
public static class KeypadLayouts
{
    /// <summary>The rows of <paramref name="layout"/>; each string is one row's keys, left to right.</summary>
    public static IReadOnlyList<string> Rows(KeypadLayout layout) => layout switch
    {
        KeypadLayout.Matrix4x3 => ["123", "456", "789", "*0#"],
        KeypadLayout.Matrix4x4 => ["123A", "456B", "789C", "*0#D"],
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "unknown keypad layout"),
    };

    /// <summary>How many columns <paramref name="layout"/> has.</summary>
    public static int ColumnCount(KeypadLayout layout) => Rows(layout)[0].Length;
}
