using System.Text.Json.Nodes;
using GateController.Core.Residents;
using GateController.Storage.Audit;

namespace GateController.Cli.Tests;

public sealed class GatectlEndToEndTests
{
    private const string O = "--operator";

    [Fact]
    public async Task ResidentAdd_ThenListAndShow_PrintsTheResident()
    {
        await using var unit = new AdminFixture();

        var (status, output, error) = await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", "--room", "3-201", O, AdminFixture.Office);
        Assert.Equal(0, status);
        Assert.Empty(error);
        Assert.Equal("added resident R0001" + Environment.NewLine, output);

        var list = await unit.GatectlAsync("resident", "list", "--json", O, AdminFixture.Office);
        Assert.Equal(0, list.Status);
        var residents = JsonNode.Parse(list.Output)!["residents"]!.AsArray();
        var only = Assert.Single(residents);
        Assert.Equal("R0001", (string)only!["id"]!);
        Assert.Equal("张伟", (string)only["name"]!);
        Assert.Equal("3-201", (string)only["room"]!);

        var show = await unit.GatectlAsync("resident", "show", "R0001", O, AdminFixture.Office);
        Assert.Equal(0, show.Status);
        Assert.Contains("resident R0001: 张伟, room 3-201, active", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResidentAdd_Duplicate_FailsWithOneLineReason()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);

        var (status, output, error) = await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "B", O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Empty(output);
        Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gatectl: ", error, StringComparison.Ordinal);
        Assert.Contains("R0001", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardPinExport_ResidentCopy_ListsCardAndPinButNoSecrets()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0002", "--name", "李娜", O, AdminFixture.Office);

        var card = await unit.GatectlAsync("card", "add", "--resident", "R0002", "--uid", "04A1B2C3D4", "--format", "mifare", O, AdminFixture.Office);
        Assert.Equal(0, card.Status);
        Assert.Contains("mifare card", card.Output, StringComparison.Ordinal);
        var pin = await unit.GatectlWithInputAsync("735901\n", "pin", "set", "--resident", "R0002", "--stdin", O, AdminFixture.Office);
        Assert.Equal(0, pin.Status);
        Assert.Equal("PIN set for R0002" + Environment.NewLine, pin.Output);

        var export = await unit.GatectlAsync("resident", "export", "R0002", "--json", O, AdminFixture.Office);

        Assert.Equal(0, export.Status);
        var copy = JsonNode.Parse(export.Output)!["copy"]!;
        Assert.Equal("李娜", (string)copy["resident"]!["name"]!);
        Assert.Equal("mifare", (string)Assert.Single(copy["cards"]!.AsArray())!["format"]!);
        Assert.NotNull(copy["pinSetAt"]);
        Assert.DoesNotContain("04A1B2C3D4", export.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("735901", export.Output, StringComparison.Ordinal);
        var human = await unit.GatectlAsync("resident", "export", "R0002", O, AdminFixture.Office);
        Assert.Contains("cards: 1", human.Output, StringComparison.Ordinal);
        Assert.Contains("PIN: set", human.Output, StringComparison.Ordinal);
        Assert.Contains(unit.Store.ReadAudit(1, 100), e => e.Action == AuditAction.Export && e.OperatorId == AdminFixture.Office);
    }

    [Fact]
    public async Task PinSet_BothPinAndStdin_UsageError()
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlWithInputAsync("1234\n", "pin", "set", "--resident", "R1", "--pin", "1234", "--stdin", O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("exactly one of --pin", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentGive_ThenShowReceipt_PrintsTwoCopiesAndWritesHtml()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0003", "--name", "王芳", "--room", "5-1102", O, AdminFixture.Office);

        var give = await unit.GatectlAsync("consent", "give", "--resident", "R0003", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-2026-0007", O, AdminFixture.Office);
        Assert.Equal(0, give.Status);
        Assert.Contains("receipt FC-", give.Output, StringComparison.Ordinal);

        var html = Path.Combine(unit.Directory, "receipt.html");
        var show = await unit.GatectlAsync("consent", "show", "R0003", "--receipt", "--html", html, O, AdminFixture.Office);

        Assert.Equal(0, show.Status);
        Assert.Contains("第一联 居民留存", show.Output, StringComparison.Ordinal);
        Assert.Contains("第二联 物业存档", show.Output, StringComparison.Ordinal);
        Assert.Contains("F-2026-0007", show.Output, StringComparison.Ordinal);
        Assert.Contains("王芳", show.Output, StringComparison.Ordinal);
        Assert.Contains("<html", File.ReadAllText(html), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConsentGive_UnknownNoticeVersion_Refused()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0003", "--name", "王芳", O, AdminFixture.Office);

        var (status, _, error) = await unit.GatectlAsync("consent", "give", "--resident", "R0003", "--notice-version", "1999-01", "--form", "F1", O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Contains("notice version '1999-01' is not configured", error, StringComparison.Ordinal);
        Assert.Empty(unit.Store.ListConsents(ResidentId.Parse("R0003")));
    }

    [Fact]
    public async Task ConsentWithdraw_AfterGive_ShowsWithdrawnAndSecondWithdrawalFails()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0004", "--name", "赵磊", O, AdminFixture.Office);
        await unit.GatectlAsync("consent", "give", "--resident", "R0004", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-9", O, AdminFixture.Office);

        var withdraw = await unit.GatectlAsync("consent", "withdraw", "--resident", "R0004", "--channel", "office", O, AdminFixture.Office);
        Assert.Equal(0, withdraw.Status);
        Assert.Contains("withdrawn", withdraw.Output, StringComparison.Ordinal);

        var show = await unit.GatectlAsync("consent", "show", "R0004", "--json", O, AdminFixture.Office);
        var consent = Assert.Single(JsonNode.Parse(show.Output)!["consents"]!.AsArray())!;
        Assert.False((bool)consent["active"]!);
        Assert.Equal("office", (string)consent["withdrawalChannel"]!);
        var again = await unit.GatectlAsync("consent", "withdraw", "--resident", "R0004", O, AdminFixture.Office);
        Assert.Equal(1, again.Status);
        Assert.Contains("no active", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportResidents_GoodCsv_ImportsEveryRow()
    {
        await using var unit = new AdminFixture();
        var csv = Path.Combine(unit.Directory, "residents.csv");
        File.WriteAllLines(csv,
        [
            "id,name,room,cards,PIN",
            "R0101,\"Chen, Jie\",1-101,mifare:04AABBCCDD;0A0B0C,4821",
            "R0102,Liu Yang,1-102,,",
            "R0103,Sun Li,1-103,em4100:0102030405,990011,yes",
        ]);

        var (status, output, error) = await unit.GatectlAsync("import", "residents", csv, O, AdminFixture.Installer);

        Assert.Equal(0, status);
        Assert.Empty(error);
        Assert.Equal("imported 3 residents from residents.csv" + Environment.NewLine, output);
        Assert.True(unit.Store.TryGetResident(ResidentId.Parse("R0101"), out var chen));
        Assert.Equal("Chen, Jie", chen.Name);
        Assert.True(unit.Store.TryGetResident(ResidentId.Parse("R0103"), out var sun));
        Assert.True(sun.IsMinor);
        Assert.True(unit.Store.TryFindResidentByPin("4821", out var byPin));
        Assert.Equal("R0101", byPin.Value);
        Assert.True(unit.Store.TryFindCard(Core.Credentials.CardFormat.Wiegand26, [0x0A, 0x0B, 0x0C], out _));
    }

    [Fact]
    public async Task ImportResidents_BadRows_NothingWrittenAndEveryErrorNamesLineAndField()
    {
        await using var unit = new AdminFixture();
        var csv = Path.Combine(unit.Directory, "bad.csv");
        File.WriteAllLines(csv,
        [
            "id,name,room,cards,PIN",
            "R0201,Good Row,1-1,,1234",
            "R 02,Bad Id,1-2,,",
            "R0203,,1-3,,",
            "R0204,Bad Card,1-4,mifare:XYZ,",
            "R0205,Bad Pin,1-5,,12a4",
            "R0201,Repeat,1-6,,",
            "R0207,Too few",
        ]);

        var (status, output, error) = await unit.GatectlAsync("import", "residents", csv, O, AdminFixture.Installer);

        Assert.Equal(1, status);
        Assert.Empty(output);
        Assert.Contains("line 3, field id:", error, StringComparison.Ordinal);
        Assert.Contains("line 4, field name: is empty", error, StringComparison.Ordinal);
        Assert.Contains("line 5, field cards: card 1", error, StringComparison.Ordinal);
        Assert.Contains("line 6, field PIN:", error, StringComparison.Ordinal);
        Assert.Contains("line 7, field id: resident R0201 repeats line 2", error, StringComparison.Ordinal);
        Assert.Contains("line 8: expected 5 to 7 fields", error, StringComparison.Ordinal);
        Assert.Contains("nothing imported (6 problems)", error, StringComparison.Ordinal);
        Assert.Empty(unit.Store.ListResidents());
    }

    [Fact]
    public async Task ImportResidents_ConflictWithStoredData_NothingWrittenAndErrorNamesTheLine()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0302", "--name", "Existing", O, AdminFixture.Office);
        var csv = Path.Combine(unit.Directory, "conflict.csv");
        File.WriteAllLines(csv, ["id,name,room,cards,PIN", "R0301,New One,2-1,,5555", "R0302,Already Here,2-2,,"]);

        var (status, _, error) = await unit.GatectlAsync("import", "residents", csv, O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Contains("nothing imported; line 3 (resident R0302): resident already exists", error, StringComparison.Ordinal);
        Assert.False(unit.Store.TryGetResident(ResidentId.Parse("R0301"), out _));
    }

    [Fact]
    public async Task Audit_AfterChanges_VerifyPassesAndEveryChangeNamesItsOperator()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0401", "--name", "A", O, AdminFixture.Office);
        await unit.GatectlAsync("card", "add", "--resident", "R0401", "--uid", "0A0B0C", O, AdminFixture.Installer);
        await unit.GatectlAsync("pin", "set", "--resident", "R0401", "--pin", "8642", O, AdminFixture.Installer);
        await unit.GatectlAsync("consent", "give", "--resident", "R0401", "--notice-version", AdminFixture.NoticeVersion, "--form", "F1", O, AdminFixture.Office);
        await unit.GatectlAsync("consent", "withdraw", "--resident", "R0401", O, AdminFixture.Office);
        await unit.GatectlAsync("card", "remove", "--uid", "0A0B0C", O, AdminFixture.Installer);
        await unit.GatectlAsync("resident", "move-out", "R0401", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "delete", "R0401", O, AdminFixture.Office);

        var verify = await unit.GatectlAsync("audit", "verify", O, AdminFixture.Office);
        Assert.Equal(0, verify.Status);
        Assert.StartsWith("audit log intact:", verify.Output, StringComparison.Ordinal);

        var export = await unit.GatectlAsync("audit", "export", "--json", O, AdminFixture.Office);
        Assert.Equal(0, export.Status);
        var entries = JsonNode.Parse(export.Output)!["entries"]!.AsArray().Select(e => ((string)e!["action"]!, (string?)e["operator"])).ToList();
        Assert.Contains(("ResidentAdded", AdminFixture.Office), entries);
        Assert.Contains(("CardAdded", AdminFixture.Installer), entries);
        Assert.Contains(("PinSet", AdminFixture.Installer), entries);
        Assert.Contains(("ConsentGiven", AdminFixture.Office), entries);
        Assert.Contains(("ConsentWithdrawn", AdminFixture.Office), entries);
        Assert.Contains(("CardRemoved", AdminFixture.Installer), entries);
        Assert.Contains(("ResidentMovedOut", AdminFixture.Office), entries);
        Assert.Contains(("ResidentDeleted", AdminFixture.Office), entries);
        Assert.All(entries, e => Assert.NotNull(e.Item2));
    }

    [Theory]
    [InlineData("resident", "export", "R0501")]
    [InlineData("resident", "delete", "R0501")]
    [InlineData("card", "add", "--resident", "R0501", "--uid", "0102")]
    [InlineData("audit", "export")]
    public async Task Guard_ExportDeleteOrCredentials_RefusedAndAudited(params string[] command)
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0501", "--name", "A", O, AdminFixture.Office);

        var (status, _, error) = await unit.GatectlAsync([.. command, O, AdminFixture.Guard]);

        Assert.Equal(1, status);
        Assert.Contains("operator 'li' may not run", error, StringComparison.Ordinal);
        Assert.Contains("role 'guard' lacks", error, StringComparison.Ordinal);
        Assert.True(unit.Store.TryGetResident(ResidentId.Parse("R0501"), out _));
        Assert.Contains(unit.Store.ReadAudit(1, 100), e => e.Action == AuditAction.OperatorAction && e.OperatorId == AdminFixture.Guard && e.Detail!.StartsWith("refused", StringComparison.Ordinal));
        Assert.DoesNotContain(unit.Store.ReadAudit(1, 100), e => e.Action is AuditAction.Export or AuditAction.ResidentDeleted or AuditAction.CardAdded);
    }

    [Fact]
    public async Task AnyCommand_UnknownOrMissingOperator_Refused()
    {
        await using var unit = new AdminFixture();

        var unknown = await unit.GatectlAsync("resident", "list", O, "mallory");
        var missing = await unit.GatectlAsync("resident", "list");

        Assert.Equal(1, unknown.Status);
        Assert.Contains("operator 'mallory' is not configured", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.Status);
        Assert.Contains("needs an operator", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoorRelease_NoDoorPath_FailsHonestlyAndIsAudited()
    {
        await using var unit = new AdminFixture();

        var (status, output, error) = await unit.GatectlAsync("door", "release", "--seconds", "3", "--json", O, AdminFixture.Guard);

        Assert.Equal(1, status);
        Assert.Contains("no door path in this mode", error, StringComparison.Ordinal);
        Assert.False((bool)JsonNode.Parse(output)!["ok"]!);
        Assert.Contains(unit.Store.ReadAudit(1, 10), e => e.OperatorId == AdminFixture.Guard && e.Detail!.Contains("no door path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_Json_CountsResidentsAndNamesNotice()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0601", "--name", "A", O, AdminFixture.Office);

        var (status, output, _) = await unit.GatectlAsync("status", "--json", O, AdminFixture.Installer);

        Assert.Equal(0, status);
        var result = JsonNode.Parse(output)!;
        Assert.Equal(1, (int)result["residents"]!);
        Assert.Equal(AdminFixture.NoticeVersion, (string)result["consentNotice"]!);
        Assert.Equal("no door path in this mode", (string)result["door"]!);
    }

    [Fact]
    public async Task Events_Empty_PrintsCount()
    {
        await using var unit = new AdminFixture();
        unit.Store.AppendAccessEvent(new Storage.Records.AccessEventRecord(unit.Time.GetUtcNow().AddHours(-2), "front", Core.Credentials.CredentialKind.Card, ResidentId.Parse("R9"), true, "granted"));
        unit.Store.AppendAccessEvent(new Storage.Records.AccessEventRecord(unit.Time.GetUtcNow().AddMinutes(-10), "front", Core.Credentials.CredentialKind.Pin, null, false, "unknown-pin"));

        var all = await unit.GatectlAsync("events", O, AdminFixture.Office);
        var recent = await unit.GatectlAsync("events", "--since", "1h", "--json", O, AdminFixture.Office);

        Assert.Equal(0, all.Status);
        Assert.EndsWith("2 events" + Environment.NewLine, all.Output, StringComparison.Ordinal);
        var only = Assert.Single(JsonNode.Parse(recent.Output)!["events"]!.AsArray())!;
        Assert.Equal("unknown-pin", (string)only["reason"]!);
    }

    [Fact]
    public async Task AnyCommand_ServiceNotRunning_ExitsUnavailable()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var socket = Path.Combine(Path.GetTempPath(), "gc-none-" + Guid.NewGuid().ToString("N")[..8] + ".sock");

        var status = await GatectlCommandLine.RunAsync(["status", "--socket", socket, "--operator", "x"], output, error, new GatectlEnvironment(), CancellationToken.None);

        Assert.Equal(GatectlCommandLine.ExitUnavailable, status);
        Assert.StartsWith($"gatectl: cannot reach gatecontrollerd at {socket}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_Created_HasMode0660()
    {
        await using var unit = new AdminFixture();

        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(unit.SocketPath));
    }
}
