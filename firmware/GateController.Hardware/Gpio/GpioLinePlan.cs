namespace GateController.Hardware.Gpio;

/// <summary>
/// Collects the lines every part of the unit wants (door, readers, keypads) before anything is opened, so that a line
/// configured twice is reported at start with both settings named, instead of failing later with EBUSY.
/// </summary>
public sealed class GpioLinePlan
{
    private readonly List<(string Chip, int Line, string Setting)> _claims = [];

    /// <summary>Records that <paramref name="setting"/> wants line <paramref name="line"/> of <paramref name="chip"/>.</summary>
    public GpioLinePlan Claim(string chip, int line, string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(chip);
        ArgumentException.ThrowIfNullOrEmpty(setting);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        _claims.Add((chip, line, setting));
        return this;
    }

    /// <summary>One message per line claimed more than once, naming the chip, the line and every setting.</summary>
    public IReadOnlyList<string> Conflicts() =>
        [.. _claims
            .GroupBy(c => (c.Chip, c.Line))
            .Where(g => g.Count() > 1)
            .Select(g => $"line {g.Key.Line} on {g.Key.Chip} is used by {string.Join(" and ", g.Select(c => c.Setting))}")];
}
