using System.Globalization;
using GateController.Core.Access;

namespace GateController.Service.Configuration;

/// <summary>
/// One access group's policy at the door (<c>Door:AccessGroups:NAME</c>): the methods it may use and when, read in the
/// door's time zone. Residents are put in a group with <c>gatectl resident set-group</c>; residents in no group follow
/// the door's own policy.
/// </summary>
public sealed class AccessGroupServiceOptions
{
    /// <summary>The methods that open the door for this group; left out, the door's own methods.</summary>
    public AccessMethods? Methods { get; set; }

    /// <summary>
    /// Windows per weekday, e.g. <c>"Monday": ["07:00-12:00", "13:00-22:00"]</c>; a weekday left out is closed. Left out
    /// entirely, the group may enter at any time.
    /// </summary>
    public Dictionary<string, List<string>>? Schedule { get; set; }

    /// <summary>Dates (yyyy-MM-dd, local) on which <see cref="HolidayWindows"/> apply instead of the weekly schedule.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Windows on holidays; none: closed on holidays.</summary>
    public List<string> HolidayWindows { get; set; } = [];

    /// <summary>The group's policy definition at <paramref name="door"/>; <see cref="Validate"/> first.</summary>
    public DoorPolicyDefinition ToPolicyDefinition(DoorServiceOptions door)
    {
        ArgumentNullException.ThrowIfNull(door);
        return new DoorPolicyDefinition
        {
            DoorId = DoorId.Parse(door.Id),
            Methods = Methods ?? door.Methods,
            TimeZoneId = door.TimeZoneId,
            WeeklySchedule = Schedule?.ToDictionary(
                day => Enum.Parse<DayOfWeek>(day.Key, ignoreCase: true),
                day => (IReadOnlyList<ScheduleWindow>)[.. (day.Value ?? []).Select(Window)]),
            Holidays = [.. Holidays.Select(d => DateOnly.ParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture))],
            HolidayWindows = [.. HolidayWindows.Select(Window)],
        };
    }

    /// <summary>Every problem, one message each naming the setting (prefixed with <paramref name="setting"/>, e.g. "AccessGroups:night-staff").</summary>
    public IReadOnlyList<string> Validate(string setting, DoorServiceOptions door)
    {
        ArgumentNullException.ThrowIfNull(door);
        var problems = new List<string>();
        foreach (var (day, windows) in Schedule ?? [])
        {
            if (int.TryParse(day, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) || !Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out _))
            {
                problems.Add($"{setting}:{nameof(Schedule)}:{day}: not a day of the week (Monday … Sunday)");
            }

            CheckWindows(windows ?? [], $"{setting}:{nameof(Schedule)}:{day}", problems);
        }

        foreach (var holiday in Holidays)
        {
            if (!DateOnly.TryParseExact(holiday?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"{setting}:{nameof(Holidays)}: '{holiday}' is not a date like 2026-10-01");
            }
        }

        CheckWindows(HolidayWindows, $"{setting}:{nameof(HolidayWindows)}", problems);
        if (problems.Count == 0 && DoorId.TryParse(door.Id, out _, out _))
        {
            // Methods (face never the only way in, P1), overlapping windows, holidays without a schedule, the time zone.
            problems.AddRange(DoorPolicyValidator.Validate(ToPolicyDefinition(door)).Select(p => $"{setting}: {p}"));
        }

        return problems;
    }

    private static void CheckWindows(List<string> windows, string setting, List<string> problems)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            if (!ScheduleWindow.TryParse(windows[i], out _))
            {
                problems.Add($"{setting}[{i}]: '{windows[i]}' is not a window like 07:00-22:00");
            }
        }
    }

    private static ScheduleWindow Window(string text) => ScheduleWindow.TryParse(text, out var window) ? window : default;
}
