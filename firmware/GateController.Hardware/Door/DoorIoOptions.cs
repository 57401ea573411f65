using System.Globalization;
using GateController.Hardware.Gpio;

namespace GateController.Hardware.Door;

/// <summary>The door's GPIO lines. Defaults match hardware-docs/wiring.md.</summary>
public sealed class DoorIoOptions
{
    /// <summary>The GPIO chip (default "gpiochip0", the Pi header's GPIO0–27 on a Pi 4; "gpiochip4" on a Pi 5 with older kernels).</summary>
    public string Chip { get; set; } = "gpiochip0";

    /// <summary>What the lock does without power.</summary>
    public LockFailMode LockFailMode { get; set; } = LockFailMode.FailSecure;

    /// <summary>Lock relay driver (default GPIO17, header pin 11, high energises).</summary>
    public DoorOutputLineOptions Relay { get; set; } = new() { Line = "GPIO17" };

    /// <summary>Green LED (default GPIO27, pin 13).</summary>
    public DoorOutputLineOptions GreenLed { get; set; } = new() { Line = "GPIO27" };

    /// <summary>Red LED (default GPIO22, pin 15).</summary>
    public DoorOutputLineOptions RedLed { get; set; } = new() { Line = "GPIO22" };

    /// <summary>Buzzer with its own oscillator, through a transistor (default GPIO18, pin 12).</summary>
    public DoorOutputLineOptions Buzzer { get; set; } = new() { Line = "GPIO18" };

    /// <summary>Exit button, normally open to ground (default GPIO23, pin 16, active low).</summary>
    public DoorInputLineOptions ExitButton { get; set; } = new() { Line = "GPIO23", ActiveLow = true };

    /// <summary>Door contact, closed to ground while the door is shut (default GPIO24, pin 18, active high = open).</summary>
    public DoorInputLineOptions DoorContact { get; set; } = new() { Line = "GPIO24", ActiveLow = false };

    /// <summary>Fire alarm dry contact, normally closed to ground, opens on alarm (default GPIO4, pin 7, active high).</summary>
    public DoorInputLineOptions FireAlarm { get; set; } = new() { Line = "GPIO4", ActiveLow = false, DebounceMilliseconds = 100 };

    /// <summary>Tamper switch, normally closed to ground while the cover is on (default GPIO15, pin 10, active high).</summary>
    public DoorInputLineOptions Tamper { get; set; } = new() { Line = "GPIO15", ActiveLow = false };

    /// <summary>The configured lines as (setting name, line text), skipping those not fitted.</summary>
    public IEnumerable<(string Setting, string Line)> ConfiguredLines()
    {
        var lines = new (string Setting, string? Line)[]
        {
            (nameof(Relay), Relay.Line),
            (nameof(GreenLed), GreenLed.Line),
            (nameof(RedLed), RedLed.Line),
            (nameof(Buzzer), Buzzer.Line),
            (nameof(ExitButton), ExitButton.Line),
            (nameof(DoorContact), DoorContact.Line),
            (nameof(FireAlarm), FireAlarm.Line),
            (nameof(Tamper), Tamper.Line),
        };
        return lines.Where(l => !string.IsNullOrEmpty(l.Line)).Select(l => (l.Setting, l.Line!));
    }

    /// <summary>
    /// Every problem, one message per problem naming the setting and line: the relay missing, an unknown line on
    /// <paramref name="controller"/>'s chip (when given), a line used twice, a debounce out of range.
    /// </summary>
    public IReadOnlyList<string> Validate(GpioController? controller = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Chip))
        {
            problems.Add($"{nameof(Chip)}: no GPIO chip given");
        }

        if (string.IsNullOrEmpty(Relay.Line))
        {
            problems.Add($"{nameof(Relay)}: the lock relay line is required");
        }

        if (!Enum.IsDefined(LockFailMode))
        {
            problems.Add($"{nameof(LockFailMode)}: {LockFailMode} is not a known mode");
        }

        var resolved = new List<(string Setting, string Line, int Offset)>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (setting, line) in ConfiguredLines())
        {
            if (TryResolve(line, controller, names, out var offset, out var error))
            {
                resolved.Add((setting, line, offset));
            }
            else
            {
                problems.Add($"{setting}: {error}");
            }
        }

        foreach (var group in resolved.GroupBy(r => r.Offset).Where(g => g.Count() > 1))
        {
            problems.Add($"line {group.First().Line} (offset {group.Key}) is used by {string.Join(" and ", group.Select(r => r.Setting))}");
        }

        foreach (var (setting, input) in Inputs())
        {
            if (input.DebounceMilliseconds is < 0 or > 2000)
            {
                problems.Add($"{setting}.{nameof(DoorInputLineOptions.DebounceMilliseconds)}: {input.DebounceMilliseconds} is outside 0-2000");
            }

            if (input.Bias == PinMode.Output)
            {
                problems.Add($"{setting}.{nameof(DoorInputLineOptions.Bias)}: an input cannot be an output");
            }
        }

        return problems;
    }

    /// <summary>Resolves a line given as an offset ("17") or a name ("GPIO17") on <paramref name="controller"/>'s chip.</summary>
    internal static bool TryResolve(string line, GpioController? controller, Dictionary<string, int> names, out int offset, out string? error)
    {
        error = null;
        if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            if (controller is not null && offset >= controller.PinCount)
            {
                error = $"line {offset} does not exist on {controller.ChipName} (lines 0-{controller.PinCount - 1})";
                return false;
            }

            return true;
        }

        if (controller is null)
        {
            // Without a chip to ask: "GPIOn" is offset n on the Pi's header chip; other names only compare with each other.
            if (line.StartsWith("GPIO", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                return true;
            }

            if (!names.TryGetValue(line, out offset))
            {
                offset = -1 - names.Count;
                names[line] = offset;
            }

            return true;
        }

        if (controller.TryGetPinNumber(line, out offset))
        {
            return true;
        }

        error = $"no line named '{line}' on {controller.ChipName}";
        return false;
    }

    internal IEnumerable<(string Setting, DoorInputLineOptions Input)> Inputs() =>
    [
        (nameof(ExitButton), ExitButton),
        (nameof(DoorContact), DoorContact),
        (nameof(FireAlarm), FireAlarm),
        (nameof(Tamper), Tamper),
    ];
}
