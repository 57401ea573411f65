using System.Globalization;

namespace GateController.Core.Access;

/// <summary>A span of local time within one day, from <see cref="StartMinute"/> (inclusive) to <see cref="EndMinute"/> (exclusive).</summary>
/// <param name="StartMinute">Minutes after local midnight, 0–1439.</param>
/// <param name="EndMinute">Minutes after local midnight, 1–1440 (1440 is the end of the day).</param>
public readonly record struct ScheduleWindow(int StartMinute, int EndMinute)
{
    /// <summary>Minutes in a day.</summary>
    public const int MinutesPerDay = 1440;

    /// <summary>The whole day.</summary>
    public static ScheduleWindow AllDay => new(0, MinutesPerDay);

    /// <summary>The problem with this window, or null when it is well-formed.</summary>
    public string? Problem =>
        StartMinute < 0 || StartMinute >= MinutesPerDay ? $"start minute {StartMinute} is outside 0-{MinutesPerDay - 1}"
        : EndMinute <= 0 || EndMinute > MinutesPerDay ? $"end minute {EndMinute} is outside 1-{MinutesPerDay}"
        : StartMinute >= EndMinute ? $"start {Format(StartMinute)} is not before end {Format(EndMinute)}"
        : null;

    /// <summary>Parses "HH:mm-HH:mm" (end may be "24:00"); the result may still have a <see cref="Problem"/>.</summary>
    public static bool TryParse(string? text, out ScheduleWindow window)
    {
        window = default;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || !TryParseMinute(parts[0], out var start) || !TryParseMinute(parts[1], out var end))
        {
            return false;
        }

        window = new ScheduleWindow(start, end);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Format(StartMinute)}-{Format(EndMinute)}";

    private static string Format(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    private static bool TryParseMinute(string text, out int minute)
    {
        minute = 0;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length != 5 || trimmed[2] != ':'
            || !int.TryParse(trimmed[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(trimmed[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 24 || minutes > 59 || (hours == 24 && minutes != 0))
        {
            return false;
        }

        minute = (hours * 60) + minutes;
        return true;
    }
}
