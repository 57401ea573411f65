using GateController.Core.Access;
using GateController.Service.Configuration;
using GateController.Service.Tests.Hosting;
using GateController.Storage;
using GateController.Storage.Keys;

namespace GateController.Service.Tests.Configuration;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AccessGroupServiceOptionsTests
{
    public static TheoryData<string, string?> Groups => new()
    {
        // group JSON fragment, expected problem (null: valid)
        { "\"Methods\": \"Card\", \"Schedule\": { \"Monday\": [\"07:00-22:00\"], \"saturday\": [] }", null },
        { "\"Schedule\": { \"Monday\": [\"00:00-24:00\"] }, \"Holidays\": [\"2026-10-01\"], \"HolidayWindows\": [\"09:00-12:00\"]", null },
        { "\"Schedule\": { \"Funday\": [\"07:00-22:00\"] }", "Door:AccessGroups:g:Schedule:Funday: not a day of the week" },
        { "\"Schedule\": { \"3\": [\"07:00-22:00\"] }", "Door:AccessGroups:g:Schedule:3: not a day of the week" },
        { "\"Schedule\": { \"Monday\": [\"7-22\"] }", "Door:AccessGroups:g:Schedule:Monday[0]: '7-22' is not a window like 07:00-22:00" },
        { "\"Schedule\": { \"Monday\": [\"08:00-12:00\", \"11:00-13:00\"] }", "overlaps" },
        { "\"Schedule\": { \"Monday\": [\"08:00-12:00\"] }, \"Holidays\": [\"1 October\"]", "Door:AccessGroups:g:Holidays: '1 October' is not a date" },
        { "\"Holidays\": [\"2026-10-01\"]", "holidays have no effect without a WeeklySchedule" },
        { "\"Methods\": \"Face\"", "(P1)" },
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Create_AccessGroup_ValidOrProblemNamingTheSetting(string group, string? expected)
    {
        await using var service = new ServiceUnderTest($$"""
            "Door": { "Methods": "Card, Pin, Face", "AccessGroups": { "g": { {{group}} } } },
            "Face": { "Enabled": false }
            """);

        var host = service.Create(out var exitCode);

        if (expected is null)
        {
            Assert.True(host is not null, service.Error.ToString());
            return;
        }

        Assert.Null(host);
        Assert.Equal(78, exitCode);
        Assert.Contains(expected, service.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadGroupName_Exits78NamingIt()
    {
        await using var service = new ServiceUnderTest("""
            "Door": { "AccessGroups": { "night staff": { "Methods": "Card" } } },
            "Face": { "Enabled": false }
            """);

        Assert.Null(service.Create(out var exitCode));
        Assert.Equal(78, exitCode);
        Assert.Contains("Door:AccessGroups:night staff: a group name is 1–32 letters", service.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToGroupPolicies_ScheduleAndMethods_ReadInTheDoorsTimeZone()
    {
        var door = new DoorServiceOptions { Id = "north", Methods = AccessMethods.Card | AccessMethods.Pin, TimeZoneId = "Asia/Shanghai" };
        door.AccessGroups["evening"] = new AccessGroupServiceOptions { Schedule = new() { ["Wednesday"] = ["18:00-22:00"] } };
        door.AccessGroups["cards"] = new AccessGroupServiceOptions { Methods = AccessMethods.Card };

        Assert.Empty(door.Validate());
        var policies = door.ToGroupPolicies();

        var evening = policies["evening"];
        Assert.Equal(AccessMethods.Card | AccessMethods.Pin, evening.Methods);
        Assert.True(evening.IsWithinSchedule(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.FromHours(8))));
        Assert.False(evening.IsWithinSchedule(new DateTimeOffset(2026, 11, 25, 17, 59, 0, TimeSpan.FromHours(8))));
        Assert.False(evening.IsWithinSchedule(new DateTimeOffset(2026, 11, 26, 19, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(AccessMethods.Card, policies["cards"].Methods);
        Assert.False(policies["cards"].HasSchedule);
    }

    [Fact]
    public async Task Status_ResidentInUndefinedGroup_ReportedAtStartAndInStatus()
    {
        await using var service = new ServiceUnderTest("""
            "Door": { "AccessGroups": { "day-staff": { "Schedule": { "Monday": ["08:00-18:00"] } } } },
            "Face": { "Enabled": false }
            """);
        using (var key = DeviceKeyFile.Load(service.KeyFile))
        using (var store = GateStore.Open(new GateStoreOptions { DataDirectory = service.DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System))
        {
            store.SetAccessGroup(ServiceUnderTest.Resident, "removed-group", "setup");
        }

        await service.StartAsync();
        var status = await service.AdminAsync("status");

        Assert.Contains("refused at the door: removed-group (1)", service.Error.ToString() + service.Output, StringComparison.Ordinal);
        var groups = status["result"]!["accessGroups"]!;
        Assert.Equal(0, (int)groups["residents"]!["day-staff"]!);
        var undefined = Assert.Single(groups["undefined"]!.AsArray())!;
        Assert.Equal("removed-group", (string)undefined["group"]!);
        Assert.Equal(1, (int)undefined["residents"]!);
        Assert.Contains(status["result"]!["warnings"]!.AsArray(), w => ((string)w!).Contains("access groups this door does not define (removed-group)", StringComparison.Ordinal));
    }
}
