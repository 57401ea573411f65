using GateController.Core.Access;

namespace GateController.Simulation.Scenarios;

/// <summary>A door policy definition in words for the timeline.</summary>
internal static class PolicyText
{
    public static string Describe(DoorPolicyDefinition definition)
    {
        var methods = definition.Methods.ToString();
        if (definition.WeeklySchedule is not { } weekly)
        {
            return $"{methods}; any time; {definition.TimeZoneId}";
        }

        var days = Enum.GetValues<DayOfWeek>()
            .Select(day => weekly.TryGetValue(day, out var windows) && windows.Count > 0
                ? $"{day.ToString()[..3]} {string.Join(" ", windows)}"
                : null)
            .Where(text => text is not null);
        var holidays = definition.Holidays.Count == 0
            ? "no holidays"
            : $"holidays {string.Join(" ", definition.Holidays.Select(h => h.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))} "
              + (definition.HolidayWindows.Count == 0 ? "closed" : string.Join(" ", definition.HolidayWindows));
        return $"{methods}; {string.Join(", ", days)}; {holidays}; {definition.TimeZoneId}";
    }
}
