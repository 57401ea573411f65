using GateController.Core.Access;

namespace GateController.Core.Tests.Access;

public sealed class DoorPolicyScheduleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly DoorPolicy Policy = DoorPolicy.Create(new DoorPolicyDefinition
    {
        DoorId = DoorId.Parse("garage"),
        Methods = AccessMethods.Card,
        WeeklySchedule = new Dictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>>
        {
            [DayOfWeek.Monday] = [new ScheduleWindow(6 * 60, 9 * 60), new ScheduleWindow(17 * 60, ScheduleWindow.MinutesPerDay)],
            [DayOfWeek.Thursday] = [new ScheduleWindow(6 * 60, 9 * 60)],
            [DayOfWeek.Sunday] = [],
        },
        Holidays = [new DateOnly(2026, 10, 1)],
        HolidayWindows = [new ScheduleWindow(10 * 60, 12 * 60)],
    });

    public static TheoryData<DateTimeOffset, bool> Instants => new()
    {
        { new DateTimeOffset(2026, 11, 23, 5, 59, 59, Beijing), false },   // Monday, just before the first window
        { new DateTimeOffset(2026, 11, 23, 6, 0, 0, Beijing), true },      // Monday, first minute
        { new DateTimeOffset(2026, 11, 23, 8, 59, 59, Beijing), true },    // Monday, last second of the window
        { new DateTimeOffset(2026, 11, 23, 9, 0, 0, Beijing), false },     // Monday, end is exclusive
        { new DateTimeOffset(2026, 11, 23, 23, 59, 59, Beijing), true },   // Monday, window to the end of the day
        { new DateTimeOffset(2026, 11, 24, 0, 0, 0, Beijing), false },     // Tuesday: not listed, closed
        { new DateTimeOffset(2026, 11, 29, 7, 0, 0, Beijing), false },     // Sunday: empty list, closed
        { new DateTimeOffset(2026, 11, 22, 22, 30, 0, TimeSpan.Zero), true },  // Sunday UTC = Monday 06:30 Beijing
        { new DateTimeOffset(2026, 10, 1, 7, 0, 0, Beijing), false },      // holiday Thursday: weekly window ignored
        { new DateTimeOffset(2026, 10, 1, 11, 0, 0, Beijing), true },      // holiday window
        { new DateTimeOffset(2026, 10, 8, 7, 0, 0, Beijing), true },       // next Thursday: weekly window
        { new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero), true }, // 10:00 Beijing on the holiday
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void IsWithinSchedule_Instant_MatchesWindows(DateTimeOffset now, bool expected) =>
        Assert.Equal(expected, Policy.IsWithinSchedule(now));

    [Fact]
    public void IsWithinSchedule_NoSchedule_AlwaysTrue()
    {
        var open = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = DoorId.Parse("lobby"), Methods = AccessMethods.Pin });

        Assert.True(open.IsWithinSchedule(new DateTimeOffset(2026, 11, 29, 3, 0, 0, Beijing)));
        Assert.True(open.IsWithinSchedule(new DateTimeOffset(2026, 11, 24, 14, 0, 0, Beijing)));
    }

    [Fact]
    public void IsWithinSchedule_OtherTimeZone_ReadsLocalTime()
    {
        var berlin = DoorPolicy.Create(new DoorPolicyDefinition
        {
            DoorId = DoorId.Parse("berlin"),
            Methods = AccessMethods.Card,
            TimeZoneId = "Europe/Berlin",
            WeeklySchedule = new Dictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>> { [DayOfWeek.Monday] = [new ScheduleWindow(8 * 60, 9 * 60)] },
        });

        // Summer (UTC+2) and winter (UTC+1): 08:30 local both times.
        Assert.True(berlin.IsWithinSchedule(new DateTimeOffset(2026, 7, 6, 6, 30, 0, TimeSpan.Zero)));
        Assert.True(berlin.IsWithinSchedule(new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero)));
        Assert.False(berlin.IsWithinSchedule(new DateTimeOffset(2026, 11, 23, 6, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(AccessMethods.Card, true)]
    [InlineData(AccessMethods.Pin, false)]
    [InlineData(AccessMethods.None, false)]
    [InlineData(AccessMethods.Card | AccessMethods.Pin, false)]
    public void Allows_Method_OnlyWhenEnabled(AccessMethods method, bool expected) =>
        Assert.Equal(expected, Policy.Allows(method));
}
