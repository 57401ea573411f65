using System.Text.Json.Nodes;

namespace GateController.Cli.Tests;

public sealed class GatectlRobustnessTests
{
    private const string O = "--operator";

    [Fact]
    public async Task AuditExport_AfterCardAndPin_HoldsNoCardNumberPinOrName()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0701", "--name", "欧阳娜娜", O, AdminFixture.Office);
        await unit.GatectlAsync("card", "add", "--resident", "R0701", "--uid", "DEADBEEF42", "--format", "mifare", O, AdminFixture.Office);
        await unit.GatectlAsync("pin", "set", "--resident", "R0701", "--pin", "97531", O, AdminFixture.Office);

        var (status, output, _) = await unit.GatectlAsync("audit", "export", "--json", O, AdminFixture.Office);

        Assert.Equal(0, status);
        Assert.True(JsonNode.Parse(output)!["entries"]!.AsArray().Count >= 3);
        Assert.DoesNotContain("DEADBEEF42", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("97531", output, StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳娜娜", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResidentAdd_ManyClientsAtOnce_EveryResidentStoredAndAuditIntact()
    {
        await using var unit = new AdminFixture();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            unit.GatectlAsync("resident", "add", "--id", $"R{i:D4}", "--name", $"N{i}", O, AdminFixture.Office)));

        Assert.All(results, r => Assert.Equal(0, r.Status));
        Assert.Equal(24, unit.Store.ListResidents().Count);
        Assert.True(unit.Store.VerifyAudit().IsIntact);
    }

    [Theory]
    [InlineData(true, "importing 2 residents")]
    [InlineData(false, "")]
    public async Task ImportResidents_Terminal_ProgressOnStandardErrorOnlyOnATerminal(bool terminal, string expected)
    {
        await using var unit = new AdminFixture();
        var csv = Path.Combine(unit.Directory, "two.csv");
        File.WriteAllLines(csv, ["R0801,A,,,", "R0802,B,,,"]);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new GatectlEnvironment { Time = unit.Time, IsTerminal = terminal };

        var status = await GatectlCommandLine.RunAsync(["import", "residents", csv, "--socket", unit.SocketPath, O, AdminFixture.Office], output, error, environment, CancellationToken.None);

        Assert.Equal(0, status);
        Assert.Equal("imported 2 residents from two.csv" + Environment.NewLine, output.ToString());
        if (terminal)
        {
            Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(error.ToString());
        }
    }

    [Fact]
    public async Task ResidentMoveOut_Installer_RefusedBecauseItDeletesFaceData()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R1001", "--name", "A", O, AdminFixture.Installer);

        var (status, _, error) = await unit.GatectlAsync("resident", "move-out", "R1001", O, AdminFixture.Installer);

        Assert.Equal(1, status);
        Assert.Contains("role 'installer' lacks the Delete permission", error, StringComparison.Ordinal);
        Assert.True(unit.Store.TryGetResident(Core.Residents.ResidentId.Parse("R1001"), out var resident));
        Assert.Equal(Core.Residents.ResidentStatus.Active, resident.Status);
    }

    [Fact]
    public async Task ImportResidents_MissingFile_UsageError()
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlAsync("import", "residents", Path.Combine(unit.Directory, "none.csv"), O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardRemove_UnknownCard_FailsAndRegisteredCardRemovedWithoutFormat()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0901", "--name", "A", O, AdminFixture.Office);
        await unit.GatectlAsync("card", "add", "--resident", "R0901", "--uid", "0A0B0C0D", "--format", "em4100", O, AdminFixture.Office);

        var unknown = await unit.GatectlAsync("card", "remove", "--uid", "01020304", O, AdminFixture.Office);
        var known = await unit.GatectlAsync("card", "remove", "--uid", "0a0b0c0d", O, AdminFixture.Office);

        Assert.Equal(1, unknown.Status);
        Assert.Contains("no such card", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, known.Status);
        Assert.Equal("em4100 card removed" + Environment.NewLine, known.Output);
    }
}
