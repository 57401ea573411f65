using System.Collections.Frozen;

namespace GateController.Core.Access;

/// <summary>
/// A validated door policy in the form <see cref="AccessPolicy.Decide"/> reads without allocating: enabled methods,
/// the schedule as a minute bitmap per weekday and for holidays, the holiday set and the time zone.
/// </summary>
public sealed class DoorPolicy
{
    private const int WeekMinutes = 7 * ScheduleWindow.MinutesPerDay;

    private readonly ulong[]? _weekBits;
    private readonly ulong[] _holidayBits;
    private readonly FrozenSet<DateOnly> _holidays;

    private DoorPolicy(DoorPolicyDefinition definition, TimeZoneInfo timeZone)
    {
        DoorId = definition.DoorId;
        Methods = definition.Methods;
        TimeZone = timeZone;
        _holidays = definition.Holidays.ToFrozenSet();
        _holidayBits = new ulong[(ScheduleWindow.MinutesPerDay + 63) / 64];
        foreach (var window in definition.HolidayWindows)
        {
            SetBits(_holidayBits, window.StartMinute, window.EndMinute);
        }

        if (definition.WeeklySchedule is { } weekly)
        {
            _weekBits = new ulong[(WeekMinutes + 63) / 64];
            foreach (var (day, windows) in weekly)
            {
                var dayStart = (int)day * ScheduleWindow.MinutesPerDay;
                foreach (var window in windows)
                {
                    SetBits(_weekBits, dayStart + window.StartMinute, dayStart + window.EndMinute);
                }
            }
        }
    }

    /// <summary>The door.</summary>
    public DoorId DoorId { get; }

    /// <summary>The methods that open the door.</summary>
    public AccessMethods Methods { get; }

    /// <summary>The time zone the schedule is read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>True when the door has a schedule; false when it accepts credentials at any time.</summary>
    public bool HasSchedule => _weekBits is not null;

    /// <summary>
    /// Builds the policy; throws <see cref="ArgumentException"/> listing every problem when <paramref name="definition"/> is invalid
    /// (residents are not checked here; use <see cref="DoorPolicyValidator.Validate(DoorPolicyDefinition, IEnumerable{ResidentAccessProfile})"/>).
    /// </summary>
    public static DoorPolicy Create(DoorPolicyDefinition definition)
    {
        var problems = DoorPolicyValidator.Validate(definition);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(definition));
        }

        return new DoorPolicy(definition, DoorPolicyValidator.FindTimeZone(definition.TimeZoneId)!);
    }

    /// <summary>True when every method in <paramref name="method"/> is enabled.</summary>
    public bool Allows(AccessMethods method) => method != AccessMethods.None && (Methods & method) == method;

    /// <summary>True when the schedule accepts credentials at <paramref name="now"/> (read in the door's time zone).</summary>
    public bool IsWithinSchedule(DateTimeOffset now)
    {
        if (_weekBits is null)
        {
            return true;
        }

        var local = now.ToOffset(TimeZone.GetUtcOffset(now));
        var minute = (local.Hour * 60) + local.Minute;
        if (_holidays.Count > 0 && _holidays.Contains(DateOnly.FromDateTime(local.DateTime)))
        {
            return IsSet(_holidayBits, minute);
        }

        return IsSet(_weekBits, ((int)local.DayOfWeek * ScheduleWindow.MinutesPerDay) + minute);
    }

    /// <inheritdoc />
    public override string ToString() => $"{DoorId}: {Methods}, {(HasSchedule ? "scheduled" : "any time")}, {TimeZone.Id}";

    private static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

    private static void SetBits(ulong[] bits, int fromInclusive, int toExclusive)
    {
        for (var i = fromInclusive; i < toExclusive; i++)
        {
            bits[i >> 6] |= 1UL << (i & 63);
        }
    }
}
