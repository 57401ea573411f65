using GateController.Core.Access;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Access;

public sealed class DoorPolicyValidatorTests
{
    private static readonly DoorId North = DoorId.Parse("north-gate");

    public static TheoryData<AccessMethods, string> FaceOnlyMethods => new()
    {
        { AccessMethods.Face, "must not be the only way in" },
        { AccessMethods.CardAndFace, "must not be the only way in" },
        { AccessMethods.Face | AccessMethods.CardAndFace, "must not be the only way in" },
        { AccessMethods.Face | AccessMethods.VisitorCode, "only face" },
        { AccessMethods.None, "no method is enabled" },
        { (AccessMethods)128 | AccessMethods.Card, "unknown method bits" },
    };

    public static TheoryData<AccessMethods> AcceptedMethods => new()
    {
        AccessMethods.Card,
        AccessMethods.Pin,
        AccessMethods.CardAndPin,
        AccessMethods.Face | AccessMethods.Card,
        AccessMethods.Face | AccessMethods.Pin,
        AccessMethods.CardAndFace | AccessMethods.CardAndPin,
        AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face | AccessMethods.CardAndPin | AccessMethods.CardAndFace | AccessMethods.VisitorCode,
    };

    [Theory]
    [MemberData(nameof(FaceOnlyMethods))]
    public void Validate_InvalidMethods_NamesMethodsSetting(AccessMethods methods, string expected)
    {
        var problems = DoorPolicyValidator.Validate(Definition(methods));

        var problem = Assert.Single(problems);
        Assert.StartsWith("Doors:north-gate:Methods: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AcceptedMethods))]
    public void Validate_MethodsBesidesFace_NoProblem(AccessMethods methods) =>
        Assert.Empty(DoorPolicyValidator.Validate(Definition(methods)));

    [Fact]
    public void Create_FaceOnly_ThrowsWithTheProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => DoorPolicy.Create(Definition(AccessMethods.Face)));

        Assert.Contains("P1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ActiveResidentWithOnlyConsentedFaceUsable_ReportsThatResident()
    {
        // The door takes face or card+PIN; R0001 has a card and face but no PIN, so face is all they could use.
        var residents = new[]
        {
            new ResidentAccessProfile(ResidentId.Parse("R0001"), ResidentStatus.Active, HasCard: true, HasPin: false, HasConsentedFace: true),
            new ResidentAccessProfile(ResidentId.Parse("R0002"), ResidentStatus.Active, HasCard: true, HasPin: true, HasConsentedFace: true),
            new ResidentAccessProfile(ResidentId.Parse("R0003"), ResidentStatus.MovedOut, HasCard: true, HasPin: false, HasConsentedFace: true),
            new ResidentAccessProfile(ResidentId.Parse("R0004"), ResidentStatus.Active, HasCard: false, HasPin: false, HasConsentedFace: true),
        };

        var problems = DoorPolicyValidator.Validate(Definition(AccessMethods.Face | AccessMethods.CardAndPin), residents);

        Assert.Equal(2, problems.Count);
        Assert.Contains("resident R0001 would have face", problems[0], StringComparison.Ordinal);
        Assert.Contains("resident R0004 would have face", problems[1], StringComparison.Ordinal);
        Assert.All(problems, p => Assert.StartsWith("Doors:north-gate:Methods: ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ResidentWithCardAtCardDoor_NoProblem()
    {
        var residents = new[] { new ResidentAccessProfile(ResidentId.Parse("R0001"), ResidentStatus.Active, HasCard: true, HasPin: false, HasConsentedFace: true) };

        Assert.Empty(DoorPolicyValidator.Validate(Definition(AccessMethods.Face | AccessMethods.Card), residents));
    }

    [Fact]
    public void Validate_ManyProblems_ReturnsEveryOneNamingItsSetting()
    {
        var definition = new DoorPolicyDefinition
        {
            DoorId = North,
            Methods = AccessMethods.Face,
            WeeklySchedule = new Dictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>>
            {
                [DayOfWeek.Monday] = [new ScheduleWindow(18 * 60, 8 * 60), new ScheduleWindow(9 * 60, 10 * 60), new ScheduleWindow(9 * 60 + 30, 11 * 60)],
                [DayOfWeek.Friday] = [new ScheduleWindow(-5, 60), new ScheduleWindow(60, 1441)],
                [(DayOfWeek)9] = [ScheduleWindow.AllDay],
            },
            Holidays = [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1)],
            HolidayWindows = [new ScheduleWindow(600, 600)],
            TimeZoneId = "Mars/Olympus_Mons",
        };

        var problems = DoorPolicyValidator.Validate(definition);

        Assert.Collection(
            problems,
            p => Assert.StartsWith("Doors:north-gate:Methods: face", p, StringComparison.Ordinal),
            p => Assert.Equal("Doors:north-gate:WeeklySchedule:Monday[0]: start 18:00 is not before end 08:00", p),
            p => Assert.Equal("Doors:north-gate:WeeklySchedule:Monday[2]: 09:30-11:00 overlaps Doors:north-gate:WeeklySchedule:Monday[1] 09:00-10:00", p),
            p => Assert.Equal("Doors:north-gate:WeeklySchedule:Friday[0]: start minute -5 is outside 0-1439", p),
            p => Assert.Equal("Doors:north-gate:WeeklySchedule:Friday[1]: end minute 1441 is outside 1-1440", p),
            p => Assert.Equal("Doors:north-gate:WeeklySchedule:9: 9 is not a day of the week", p),
            p => Assert.Equal("Doors:north-gate:HolidayWindows[0]: start 10:00 is not before end 10:00", p),
            p => Assert.Equal("Doors:north-gate:Holidays: 2026-10-01 is listed more than once", p),
            p => Assert.Equal("Doors:north-gate:TimeZoneId: 'Mars/Olympus_Mons' is not a known time zone", p));
    }

    [Fact]
    public void Validate_MissingDoorIdAndHolidaysWithoutSchedule_ReportsBoth()
    {
        var definition = new DoorPolicyDefinition { Methods = AccessMethods.Card, Holidays = [new DateOnly(2026, 10, 1)] };

        var problems = DoorPolicyValidator.Validate(definition);

        Assert.Equal(
            ["Doors:?:DoorId: must name the door", "Doors:?:Holidays: holidays have no effect without a WeeklySchedule"],
            problems);
    }

    [Fact]
    public void Create_Default_UsesAsiaShanghai()
    {
        var policy = DoorPolicy.Create(Definition(AccessMethods.Card));

        Assert.Equal("Asia/Shanghai", policy.TimeZone.Id);
        Assert.False(policy.HasSchedule);
    }

    private static DoorPolicyDefinition Definition(AccessMethods methods) => new() { DoorId = North, Methods = methods };
}
