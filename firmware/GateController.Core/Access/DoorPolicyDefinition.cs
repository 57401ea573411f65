namespace GateController.Core.Access;

/// <summary>
/// A door's access policy as configured, before validation. <see cref="DoorPolicyValidator"/> reports every problem;
/// <see cref="DoorPolicy.Create"/> turns a valid definition into the precomputed form <see cref="AccessPolicy.Decide"/> reads.
/// </summary>
public sealed class DoorPolicyDefinition
{
    /// <summary>The time zone a door uses unless configured otherwise.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The door this policy governs.</summary>
    public DoorId DoorId { get; init; }

    /// <summary>The methods that open the door.</summary>
    public AccessMethods Methods { get; init; }

    /// <summary>
    /// Local-time windows per weekday in which the door accepts credentials; a weekday that is missing is closed.
    /// Null means no schedule: the door accepts credentials at any time.
    /// </summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>>? WeeklySchedule { get; init; }

    /// <summary>Local dates on which <see cref="HolidayWindows"/> apply instead of the weekly schedule.</summary>
    public IReadOnlyCollection<DateOnly> Holidays { get; init; } = [];

    /// <summary>Local-time windows on holidays; empty means the door accepts no credential on a holiday.</summary>
    public IReadOnlyList<ScheduleWindow> HolidayWindows { get; init; } = [];

    /// <summary>The IANA time zone the schedule is read in.</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;
}
