using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Access;

/// <summary>Residents, credentials and policies shared by the access tests.</summary>
internal static class AccessFixtures
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Wednesday 2026-11-25 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 10, 0, 0, Beijing);

    public static readonly Resident Alice = new(ResidentId.Parse("R0001"), "Alice", "3-201", ResidentStatus.Active, false);
    public static readonly Resident Bob = new(ResidentId.Parse("R0002"), "Bob", "3-202", ResidentStatus.MovedOut, false);

    public static readonly byte[] AliceUid = [0xDE, 0xAD, 0xBE, 0xEF];

    public static CardCredential AliceCard(ValidityWindow validity = default) =>
        new(Alice.Id, CardFormat.Mifare, AliceUid, validity);

    public static DoorPolicy Policy(AccessMethods methods, Action<Dictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>>>? schedule = null, IReadOnlyCollection<DateOnly>? holidays = null)
    {
        Dictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>>? weekly = null;
        if (schedule is not null)
        {
            weekly = [];
            schedule(weekly);
        }

        return DoorPolicy.Create(new DoorPolicyDefinition
        {
            DoorId = DoorId.Parse("north-gate"),
            Methods = methods,
            WeeklySchedule = weekly,
            Holidays = holidays ?? [],
        });
    }

    /// <summary>Weekdays 07:00–19:00, weekends closed.</summary>
    public static DoorPolicy OfficeHours(AccessMethods methods) => Policy(methods, weekly =>
    {
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            weekly[day] = [new ScheduleWindow(7 * 60, 19 * 60)];
        }
    });
}
