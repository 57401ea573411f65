namespace GateController.Hardware.Tests.Door;

internal static class RelayWriteExtensions
{
    /// <summary>The levels with consecutive repeats collapsed: [low, low, high, high, low] → [low, high, low].</summary>
    public static bool[] CollapseRepeats(this bool[] levels) =>
        [.. levels.Where((level, i) => i == 0 || levels[i - 1] != level)];
}
