using System.Text;
using System.Text.Json.Nodes;
using GateController.Core.Residents;
using GateController.Storage.Audit;

namespace GateController.Cli.Tests;

public sealed class GatectlVisitorTests
{
    private const string O = "--operator";

    [Fact]
    public async Task VisitorCreate_ValidFor4h_PrintsTheCodeOnceAndItOpensUntilUsed()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);

        var (status, output, error) = await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "4h", "--uses", "2", O, AdminFixture.Office);

        Assert.Equal(0, status);
        Assert.Empty(error);
        var code = output.Split(Environment.NewLine)[0]["visitor code: ".Length..];
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains("valid until 2026-11-27T12:00:00", output, StringComparison.Ordinal);
        Assert.Contains("2 use(s)", output, StringComparison.Ordinal);
        Assert.True(unit.Store.TryFindVisitorCode(code, out var record));
        Assert.Equal(ResidentId.Parse("R0001"), record.IssuedBy);
        Assert.True(unit.Store.TryConsumeVisitorCode(code, unit.Time.GetUtcNow(), out _));
        var issued = Assert.Single(unit.Store.ReadAudit(1, 100), e => e.Action == AuditAction.VisitorCodeIssued);
        Assert.Equal(AdminFixture.Office, issued.OperatorId);
        Assert.All(unit.Store.ReadAudit(1, 100), e => Assert.DoesNotContain(code, e.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResidentExport_VisitorCodesAskedFor_ListedByNumberWithoutTheCode()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "add", "--id", "R0002", "--name", "李娜", O, AdminFixture.Office);
        var mine = JsonNode.Parse((await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "4h", "--uses", "2", "--json", O, AdminFixture.Office)).Output)!;
        var theirs = JsonNode.Parse((await unit.GatectlAsync("visitor", "create", "--resident", "R0002", "--valid-for", "4h", "--json", O, AdminFixture.Office)).Output)!;

        var json = await unit.GatectlAsync("resident", "export", "R0001", "--json", O, AdminFixture.Office);
        var human = await unit.GatectlAsync("resident", "export", "R0001", O, AdminFixture.Office);

        Assert.Equal(0, json.Status);
        var code = Assert.Single(JsonNode.Parse(json.Output)!["copy"]!["visitorCodes"]!.AsArray())!;
        Assert.Equal((long)mine["visitorCode"]!["id"]!, (long)code["id"]!);
        Assert.Equal(2, (int)code["maximumUses"]!);
        Assert.Equal("active", (string)code["state"]!);
        Assert.Contains("visitor codes asked for: 1 (stored only as keyed hashes", human.Output, StringComparison.Ordinal);
        Assert.Contains($"visitor code no. {(long)mine["visitorCode"]!["id"]!}: issued ", human.Output, StringComparison.Ordinal);
        Assert.Contains("used 0 of 2, active", human.Output, StringComparison.Ordinal);
        foreach (var output in new[] { json.Output, human.Output })
        {
            Assert.DoesNotContain((string)mine["code"]!, output, StringComparison.Ordinal);
            Assert.DoesNotContain((string)theirs["code"]!, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportResidents_PinEqualsActiveVisitorCode_LineNamedPinNotEchoedNothingImported()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);
        var code = (string)JsonNode.Parse((await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "4h", "--json", O, AdminFixture.Office)).Output)!["code"]!;
        var csv = Path.Combine(unit.Directory, "visitor-pin.csv");
        File.WriteAllLines(csv, ["id,name,room,cards,PIN", "R0101,New One,2-1,,5555", "", $"R0102,Visitor Pin,2-2,,{code}"]);

        var (status, output, error) = await unit.GatectlAsync("import", "residents", csv, O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Empty(output);
        Assert.Contains("nothing imported; line 4 (resident R0102): PIN equals an active visitor code; choose another PIN", error, StringComparison.Ordinal);
        Assert.DoesNotContain(code, error, StringComparison.Ordinal);
        Assert.Single(unit.Store.ListResidents());
        Assert.All(unit.Store.ReadAudit(1, 100), e => Assert.DoesNotContain(code, e.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VisitorCreate_Json_HasCodeAndRecordAndTheCodeIsNowhereInTheDatabase()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);

        var (status, output, _) = await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "90m", "--json", O, AdminFixture.Office);

        Assert.Equal(0, status);
        var result = JsonNode.Parse(output)!;
        var code = (string)result["code"]!;
        Assert.Equal("R0001", (string)result["visitorCode"]!["resident"]!);
        Assert.Equal(1, (int)result["visitorCode"]!["maximumUses"]!);
        Assert.Equal("active", (string)result["visitorCode"]!["state"]!);
        unit.Store.Dispose();
        foreach (var file in Directory.GetFiles(Path.Combine(unit.Directory, "data")))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(code)) < 0, $"the code is in {Path.GetFileName(file)}");
        }
    }

    [Fact]
    public async Task VisitorListAndRevoke_ShowNumbersNotCodesAndRevokedCodeStops()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "add", "--id", "R0002", "--name", "B", O, AdminFixture.Office);
        var first = JsonNode.Parse((await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "2d", "--json", O, AdminFixture.Office)).Output)!;
        await unit.GatectlAsync("visitor", "create", "--resident", "R0002", "--valid-for", "1h", O, AdminFixture.Office);
        var code = (string)first["code"]!;
        var id = (long)first["visitorCode"]!["id"]!;

        var list = await unit.GatectlAsync("visitor", "list", O, AdminFixture.Office);
        var onlyR0001 = JsonNode.Parse((await unit.GatectlAsync("visitor", "list", "--resident", "R0001", "--json", O, AdminFixture.Office)).Output)!["visitorCodes"]!.AsArray();
        var revoke = await unit.GatectlAsync("visitor", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture), O, AdminFixture.Office);
        var again = await unit.GatectlAsync("visitor", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture), O, AdminFixture.Office);
        var after = JsonNode.Parse((await unit.GatectlAsync("visitor", "list", "--resident", "R0001", "--json", O, AdminFixture.Office)).Output)!["visitorCodes"]!.AsArray();

        Assert.Equal(0, list.Status);
        Assert.Contains("2 visitor codes", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(code, list.Output, StringComparison.Ordinal);
        Assert.Equal(id, (long)Assert.Single(onlyR0001)!["id"]!);
        Assert.Equal(0, revoke.Status);
        Assert.Equal($"visitor code {id} revoked" + Environment.NewLine, revoke.Output);
        Assert.Equal(1, again.Status);
        Assert.Contains($"no visitor code {id}", again.Error, StringComparison.Ordinal);
        Assert.Equal("revoked", (string)Assert.Single(after)!["state"]!);
        Assert.False(unit.Store.TryFindVisitorCode(code, out _));
    }

    [Theory]
    [InlineData("4x")]
    [InlineData("h")]
    [InlineData("32d")]
    [InlineData("-1h")]
    public async Task VisitorCreate_BadValidFor_FailsWithReasonAndIssuesNothing(string validFor)
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);

        var (status, _, error) = await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", validFor, O, AdminFixture.Office);

        Assert.NotEqual(0, status);
        Assert.StartsWith("gatectl: ", error, StringComparison.Ordinal);
        Assert.Empty(unit.Store.ListVisitorCodes(null));
    }

    [Fact]
    public async Task VisitorCreate_UnknownResident_FailsNamingThem()
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlAsync("visitor", "create", "--resident", "R0404", "--valid-for", "1h", O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Contains("R0404", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitorCreate_GuardWithoutManageCredentials_IsRefusedAndAudited()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);

        var (status, _, error) = await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "1h", O, AdminFixture.Guard);

        Assert.Equal(1, status);
        Assert.Contains("may not run visitor.create", error, StringComparison.Ordinal);
        Assert.Empty(unit.Store.ListVisitorCodes(null));
        Assert.Contains(unit.Store.ReadAudit(1, 100), e => e.OperatorId == AdminFixture.Guard && e.Detail!.StartsWith("refused visitor.create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VisitorCreate_UsesOutOfRange_UsageError()
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "1h", "--uses", "0", O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("--uses", error, StringComparison.Ordinal);
    }
}
