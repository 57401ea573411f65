using System.Text.Json.Nodes;
using GateController.Core.Residents;
using GateController.Storage.Audit;

namespace GateController.Cli.Tests;

public sealed class GatectlAccessGroupTests
{
    private const string O = "--operator";

    [Fact]
    public async Task SetGroup_DefinedGroupThenNone_ShownAndAudited()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);

        var set = await unit.GatectlAsync("resident", "set-group", "R0001", AdminFixture.DayStaffGroup, O, AdminFixture.Installer);
        var shown = await unit.GatectlAsync("resident", "show", "R0001", O, AdminFixture.Office);
        var json = JsonNode.Parse((await unit.GatectlAsync("resident", "show", "R0001", "--json", O, AdminFixture.Office)).Output)!;
        var cleared = await unit.GatectlAsync("resident", "set-group", "R0001", "--none", O, AdminFixture.Installer);
        var shownAfter = await unit.GatectlAsync("resident", "show", "R0001", O, AdminFixture.Office);

        Assert.Equal(0, set.Status);
        Assert.Equal("resident R0001 is in access group day-staff" + Environment.NewLine, set.Output);
        Assert.Contains("access group: day-staff" + Environment.NewLine, shown.Output, StringComparison.Ordinal);
        Assert.Equal("day-staff", (string)json["resident"]!["group"]!);
        Assert.True((bool)json["resident"]!["groupDefined"]!);
        Assert.Equal("resident R0001 is in no access group (the door's default policy)" + Environment.NewLine, cleared.Output);
        Assert.Contains("access group: none (the door's default policy)", shownAfter.Output, StringComparison.Ordinal);
        var audit = unit.Store.ReadAudit(1, 200).Where(e => e.Action == AuditAction.ResidentUpdated).ToList();
        Assert.Equal(["access group set to day-staff", "access group removed (door default policy)"], audit.Select(e => e.Detail));
        Assert.All(audit, e => Assert.Equal(AdminFixture.Installer, e.OperatorId));
    }

    [Fact]
    public async Task SetGroup_UndefinedGroup_RefusedNamingTheDefinedOnesNothingChanged()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);

        var (status, _, error) = await unit.GatectlAsync("resident", "set-group", "R0001", "night-staff", O, AdminFixture.Installer);

        Assert.Equal(1, status);
        Assert.Contains("access group 'night-staff' is not defined at this door; configured: day-staff", error, StringComparison.Ordinal);
        Assert.True(unit.Store.TryGetResidentWithAccessGroup(ResidentId.Parse("R0001"), out _, out var group));
        Assert.Null(group);
    }

    [Theory]
    [InlineData(new[] { "R0001" }, "exactly one of GROUP or --none")]
    [InlineData(new[] { "R0001", "day-staff", "--none" }, "exactly one of GROUP or --none")]
    public async Task SetGroup_NeitherOrBoth_UsageError(string[] args, string expected)
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlAsync(["resident", "set-group", .. args, O, AdminFixture.Installer]);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetGroup_Guard_RefusedByRole()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);

        var (status, _, error) = await unit.GatectlAsync("resident", "set-group", "R0001", AdminFixture.DayStaffGroup, O, AdminFixture.Guard);

        Assert.Equal(1, status);
        Assert.Contains("role 'guard' lacks", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportResidents_GroupColumn_DefinedImportedUndefinedRefusesTheFile()
    {
        await using var unit = new AdminFixture();
        var good = Path.Combine(unit.Directory, "groups.csv");
        File.WriteAllLines(good, ["id,name,room,cards,pin,minor,group", "R0101,A,1-1,,,no,day-staff", "R0102,B,1-2,,,,"]);
        var bad = Path.Combine(unit.Directory, "bad-groups.csv");
        File.WriteAllLines(bad, ["id,name,room,cards,pin,minor,group", "R0201,C,1-1,,,no,day-staff", "R0202,D,1-2,,,no,night-staff"]);

        var imported = await unit.GatectlAsync("import", "residents", good, O, AdminFixture.Office);
        var refused = await unit.GatectlAsync("import", "residents", bad, O, AdminFixture.Office);

        Assert.Equal(0, imported.Status);
        Assert.Equal(new Dictionary<string, int> { ["day-staff"] = 1 }, unit.Store.CountResidentsPerAccessGroup());
        Assert.Equal(1, refused.Status);
        Assert.Contains("line 3: access group 'night-staff' is not defined at this door", refused.Error, StringComparison.Ordinal);
        Assert.False(unit.Store.TryGetResident(ResidentId.Parse("R0201"), out _));
    }

    [Fact]
    public async Task Status_ResidentsPerGroupAndUndefinedGroupWarning()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "add", "--id", "R0002", "--name", "B", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "set-group", "R0001", AdminFixture.DayStaffGroup, O, AdminFixture.Installer);
        unit.Store.SetAccessGroup(ResidentId.Parse("R0002"), "retired-group", "setup");

        var (status, output, _) = await unit.GatectlAsync("status", O, AdminFixture.Office);
        var shown = await unit.GatectlAsync("resident", "show", "R0002", O, AdminFixture.Office);

        Assert.Equal(0, status);
        Assert.Contains("access groups:   day-staff (1)", output, StringComparison.Ordinal);
        Assert.Contains("WARNING:         1 residents are in access groups this door does not define (retired-group)", output, StringComparison.Ordinal);
        Assert.Contains("access group: retired-group (NOT DEFINED at this door", shown.Output, StringComparison.Ordinal);
    }
}
