using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>
/// Checks door policies and returns every problem, one message per problem naming the setting
/// ("Doors:{door}:{setting}: …"). Face as the only method, or any active resident left with face as their
/// only way in, is refused (P1: SPC face-recognition provisions art. 10).
/// </summary>
public static class DoorPolicyValidator
{
    private const AccessMethods FaceMethods = AccessMethods.Face | AccessMethods.CardAndFace;
    private const AccessMethods AllMethods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face
        | AccessMethods.CardAndPin | AccessMethods.CardAndFace | AccessMethods.VisitorCode;

    /// <summary>Every problem in <paramref name="definition"/> itself.</summary>
    public static IReadOnlyList<string> Validate(DoorPolicyDefinition definition) => Validate(definition, []);

    /// <summary>Every problem in <paramref name="definition"/>, including active residents it would leave with face only.</summary>
    public static IReadOnlyList<string> Validate(DoorPolicyDefinition definition, IEnumerable<ResidentAccessProfile> residents)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(residents);
        var problems = new List<string>();
        var prefix = $"Doors:{(definition.DoorId.Value is null ? "?" : definition.DoorId.Value)}";
        if (definition.DoorId.Value is null)
        {
            problems.Add($"{prefix}:{nameof(DoorPolicyDefinition.DoorId)}: must name the door");
        }

        ValidateMethods(definition.Methods, prefix, problems);
        ValidateSchedule(definition, prefix, problems);
        ValidateTimeZone(definition.TimeZoneId, prefix, problems);
        ValidateResidents(definition.Methods, residents, prefix, problems);
        return problems;
    }

    /// <summary>Resolves an IANA time zone id, or returns null when the system does not know it.</summary>
    internal static TimeZoneInfo? FindTimeZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static void ValidateMethods(AccessMethods methods, string prefix, List<string> problems)
    {
        var setting = $"{prefix}:{nameof(DoorPolicyDefinition.Methods)}";
        if ((methods & ~AllMethods) != 0)
        {
            problems.Add($"{setting}: {(int)(methods & ~AllMethods)} holds unknown method bits");
        }

        var known = methods & AllMethods;
        if (known == AccessMethods.None)
        {
            problems.Add($"{setting}: no method is enabled; enable card, PIN or card+PIN at least");
        }
        else if ((known & ~FaceMethods) == AccessMethods.None)
        {
            problems.Add($"{setting}: face ({known}) must not be the only way in; enable card, PIN or card+PIN as well (P1)");
        }
        else if ((known & ~(FaceMethods | AccessMethods.VisitorCode)) == AccessMethods.None)
        {
            problems.Add($"{setting}: residents would have only face ({known}) besides visitor codes; enable card, PIN or card+PIN as well (P1)");
        }
    }

    private static void ValidateSchedule(DoorPolicyDefinition definition, string prefix, List<string> problems)
    {
        if (definition.WeeklySchedule is { } weekly)
        {
            foreach (var (day, windows) in weekly)
            {
                var setting = $"{prefix}:{nameof(DoorPolicyDefinition.WeeklySchedule)}:{day}";
                if (!Enum.IsDefined(day))
                {
                    problems.Add($"{setting}: {(int)day} is not a day of the week");
                    continue;
                }

                ValidateWindows(windows, setting, problems);
            }
        }

        ValidateWindows(definition.HolidayWindows, $"{prefix}:{nameof(DoorPolicyDefinition.HolidayWindows)}", problems);
        if (definition.WeeklySchedule is null && (definition.Holidays.Count > 0 || definition.HolidayWindows.Count > 0))
        {
            problems.Add($"{prefix}:{nameof(DoorPolicyDefinition.Holidays)}: holidays have no effect without a {nameof(DoorPolicyDefinition.WeeklySchedule)}");
        }

        var seen = new HashSet<DateOnly>();
        foreach (var holiday in definition.Holidays)
        {
            if (!seen.Add(holiday))
            {
                problems.Add($"{prefix}:{nameof(DoorPolicyDefinition.Holidays)}: {holiday:yyyy-MM-dd} is listed more than once");
            }
        }
    }

    private static void ValidateWindows(IReadOnlyList<ScheduleWindow>? windows, string setting, List<string> problems)
    {
        if (windows is null)
        {
            problems.Add($"{setting}: must be a list of windows (empty for closed)");
            return;
        }

        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].Problem is { } problem)
            {
                problems.Add($"{setting}[{i}]: {problem}");
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                if (windows[j].Problem is null && windows[i].StartMinute < windows[j].EndMinute && windows[j].StartMinute < windows[i].EndMinute)
                {
                    problems.Add($"{setting}[{i}]: {windows[i]} overlaps {setting}[{j}] {windows[j]}");
                }
            }
        }
    }

    private static void ValidateTimeZone(string? timeZoneId, string prefix, List<string> problems)
    {
        if (FindTimeZone(timeZoneId) is null)
        {
            problems.Add($"{prefix}:{nameof(DoorPolicyDefinition.TimeZoneId)}: '{timeZoneId}' is not a known time zone");
        }
    }

    private static void ValidateResidents(AccessMethods methods, IEnumerable<ResidentAccessProfile> residents, string prefix, List<string> problems)
    {
        foreach (var resident in residents)
        {
            if (resident.Status != ResidentStatus.Active)
            {
                continue;
            }

            var usable = resident.UsableMethods(methods);
            if (usable != AccessMethods.None && (usable & ~FaceMethods) == AccessMethods.None)
            {
                problems.Add($"{prefix}:{nameof(DoorPolicyDefinition.Methods)}: resident {resident.Id} would have face ({usable}) as their only way in; enable a method they hold a card or PIN for (P1)");
            }
        }
    }
}
