using System.Text.Json.Nodes;
using GateController.Storage.Audit;

namespace GateController.Cli.Tests.Technicians;

public sealed class GatectlTechnicianTests
{
    private const string O = "--operator";

    [Fact]
    public async Task TechnicianAdd_Installer_PrintsTheKeyOnceAndTheUnitHoldsIt()
    {
        await using var unit = new AdminFixture();

        var (status, output, error) = await unit.GatectlAsync("technician", "add", "tech-01", "--may-release-door", O, AdminFixture.Installer);

        Assert.Equal(0, status);
        Assert.Empty(error);
        var lines = output.Split(Environment.NewLine);
        Assert.Equal("technician tech-01 added (may release the door)", lines[0]);
        var key = Convert.FromBase64String(lines[1]["key: ".Length..]);
        Assert.Equal(32, key.Length);
        var stored = Assert.Single(unit.Store.LoadTechnicianKeys());
        Assert.Equal(key, stored.Key);
        Assert.True(stored.MayReleaseDoor);
        var audit = unit.Store.ReadAudit(1, 100);
        Assert.Contains(audit, e => e.Action == AuditAction.ConfigurationChanged && e.OperatorId == AdminFixture.Installer && e.Detail == "technician tech-01 added with door release");
        Assert.All(audit, e => Assert.DoesNotContain(lines[1]["key: ".Length..], e.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TechnicianAdd_KeyOut_WritesMode0600FileAndPrintsNoKey()
    {
        await using var unit = new AdminFixture();
        var path = Path.Combine(unit.Directory, "tech-02.key");

        var (status, output, _) = await unit.GatectlAsync("technician", "add", "tech-02", "--key-out", path, "--json", O, AdminFixture.Installer);

        Assert.Equal(0, status);
        var result = JsonNode.Parse(output)!;
        Assert.Null(result["key"]);
        Assert.Equal(path, (string)result["keyFile"]!);
        Assert.False((bool)result["technician"]!["mayReleaseDoor"]!);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        Assert.Equal(Assert.Single(unit.Store.LoadTechnicianKeys()).Key, key);
        Assert.DoesNotContain(File.ReadAllText(path).Trim(), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TechnicianAdd_KeyOutExists_UsageErrorAndNoTechnicianAdded()
    {
        await using var unit = new AdminFixture();
        var path = Path.Combine(unit.Directory, "taken.key");
        await File.WriteAllTextAsync(path, "keep me");

        var (status, _, error) = await unit.GatectlAsync("technician", "add", "tech-03", "--key-out", path, O, AdminFixture.Installer);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(path));
        Assert.Empty(unit.Store.ListTechnicians());
    }

    [Fact]
    public async Task TechnicianAdd_RefusedByTheUnit_KeyOutFileRemoved()
    {
        await using var unit = new AdminFixture();
        var path = Path.Combine(unit.Directory, "refused.key");

        var (status, _, error) = await unit.GatectlAsync("technician", "add", "tech-04", "--key-out", path, O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("ManageTechnicians", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(AdminFixture.Office)]
    [InlineData(AdminFixture.Guard)]
    public async Task Technician_NotInstaller_RefusedAndAudited(string operatorName)
    {
        await using var unit = new AdminFixture();

        var add = await unit.GatectlAsync("technician", "add", "tech-05", O, operatorName);
        var list = await unit.GatectlAsync("technician", "list", O, operatorName);

        Assert.Equal(GatectlCommandLine.ExitFailure, add.Status);
        Assert.Equal(GatectlCommandLine.ExitFailure, list.Status);
        Assert.Empty(unit.Store.ListTechnicians());
        Assert.Equal(2, unit.Store.ReadAudit(1, 100).Count(e => e.OperatorId == operatorName && e.Detail!.StartsWith("refused technician.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TechnicianListAndRemove_ListsWithoutKeysAndRemovedKeyIsGone()
    {
        await using var unit = new AdminFixture();
        var first = (await unit.GatectlAsync("technician", "add", "tech-a", O, AdminFixture.Installer)).Output;
        await unit.GatectlAsync("technician", "add", "tech-b", "--may-release-door", O, AdminFixture.Installer);
        unit.Store.RecordTechnicianUse("tech-b", unit.Time.GetUtcNow());

        var list = await unit.GatectlAsync("technician", "list", O, AdminFixture.Installer);
        var json = JsonNode.Parse((await unit.GatectlAsync("technician", "list", "--json", O, AdminFixture.Installer)).Output)!["technicians"]!.AsArray();
        var remove = await unit.GatectlAsync("technician", "remove", "tech-a", O, AdminFixture.Installer);
        var again = await unit.GatectlAsync("technician", "remove", "tech-a", O, AdminFixture.Installer);

        Assert.Equal(0, list.Status);
        Assert.Contains("2 technicians", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Split(Environment.NewLine)[1]["key: ".Length..], list.Output, StringComparison.Ordinal);
        Assert.Equal(["tech-a", "tech-b"], json.Select(t => (string)t!["id"]!));
        Assert.Null(json[0]!["lastUsedAt"]);
        Assert.NotNull(json[1]!["lastUsedAt"]);
        Assert.All(json, t => Assert.Null(t!["key"]));
        Assert.Equal(0, remove.Status);
        Assert.Equal("technician tech-a removed; their key no longer works" + Environment.NewLine, remove.Output);
        Assert.Equal(GatectlCommandLine.ExitFailure, again.Status);
        Assert.Contains("no technician 'tech-a'", again.Error, StringComparison.Ordinal);
        Assert.Equal("tech-b", Assert.Single(unit.Store.ListTechnicians()).TechnicianId);
    }

    [Theory]
    [InlineData("add", "bad id")]
    [InlineData("add", "slash/id")]
    [InlineData("remove", "")]
    public async Task Technician_InvalidId_UsageExit(string verb, string id)
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlAsync("technician", verb, id, O, AdminFixture.Installer);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.StartsWith("gatectl: technician id", error, StringComparison.Ordinal);
    }
}
