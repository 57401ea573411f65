using System.Text.Json.Nodes;
using GateController.Core.Privacy;
using GateController.Service.Admin;
using GateController.Storage.Audit;

namespace GateController.Cli.Tests.Privacy;

public sealed class ReportTests
{
    private const string O = "--operator";

    [Fact]
    public async Task ReportPia_Json_FactsDrawnFromConfigurationAndStore()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "add", "--id", "R0002", "--name", "张小明", "--minor", O, AdminFixture.Office);
        await unit.GatectlAsync("card", "add", "--resident", "R0001", "--uid", "04A1B2C3D4", "--format", "mifare", O, AdminFixture.Office);
        await unit.GatectlWithInputAsync("482913\n", "pin", "set", "--resident", "R0001", "--stdin", O, AdminFixture.Office);
        await unit.GatectlAsync("consent", "give", "--resident", "R0001", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-1", O, AdminFixture.Office);

        var (status, output, error) = await unit.GatectlAsync("report", "pia", "--json", O, AdminFixture.Installer);

        Assert.Equal(0, status);
        Assert.Empty(error);
        var facts = JsonNode.Parse(output)!;
        Assert.Equal("front-gate-1", (string)facts["unitId"]!);
        Assert.True((bool)facts["faceEnabled"]!);
        var door = Assert.Single(facts["doors"]!.AsArray())!;
        Assert.Equal("front", (string)door["door"]!);
        Assert.True((bool)door["hasNonFaceMethod"]!);
        var counts = facts["counts"]!;
        Assert.Equal(2, (int)counts["residents"]!);
        Assert.Equal(1, (int)counts["minorResidents"]!);
        Assert.Equal(1, (int)counts["cards"]!);
        Assert.Equal(1, (int)counts["pins"]!);
        Assert.Equal(1, (int)counts["activeFaceConsents"]!);
        Assert.Equal(unit.Store.CountContents().AuditRecords - 1, (long)counts["auditRecords"]!);
        Assert.Equal(90, (int)facts["retention"]!["accessEventDays"]!);
        Assert.Equal(365, (int)facts["retention"]!["faceTemplateUnusedDays"]!);
        Assert.Equal(unit.Store.DescribeProtection().FaceTemplates, (string)facts["encryption"]!["faceTemplates"]!);
        var destination = Assert.Single(facts["networkDestinations"]!.AsArray())!;
        Assert.Equal("192.0.2.10:1883", (string)destination["host"]!);
        Assert.Equal("MQTT", (string)destination["protocol"]!);
        Assert.False((bool)destination["carriesIdentity"]!);
        var roles = facts["roles"]!.AsArray().ToDictionary(r => (string)r!["role"]!, r => r!["permissions"]!.AsArray().Select(p => (string)p!).ToList());
        Assert.Equal(OperatorRole.Defaults.Select(r => r.Name), roles.Keys);
        Assert.Equal(["ReleaseDoor"], roles["guard"]);
        Assert.Contains("Export", roles["office"]);
        Assert.DoesNotContain("Enroll", roles["installer"]);
        Assert.Contains(facts["findings"]!.AsArray(), f => ((string)f!).Contains("1 minors recorded", StringComparison.Ordinal));
        Assert.DoesNotContain("张", output, StringComparison.Ordinal);
        Assert.DoesNotContain("04A1B2C3D4", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("482913", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPia_VisitorCodesAndOperatorsPerRole_FromStoreAndConfiguration()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);
        await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "1h", O, AdminFixture.Office);
        unit.Time.Advance(TimeSpan.FromDays(40));
        var revoke = JsonNode.Parse((await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "2d", "--json", O, AdminFixture.Office)).Output)!;
        await unit.GatectlAsync("visitor", "create", "--resident", "R0001", "--valid-for", "2d", O, AdminFixture.Office);
        await unit.GatectlAsync("visitor", "revoke", ((long)revoke["visitorCode"]!["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), O, AdminFixture.Office);

        var lastMonth = JsonNode.Parse((await unit.GatectlAsync("report", "pia", "--json", O, AdminFixture.Installer)).Output)!;
        var sinceStart = JsonNode.Parse((await unit.GatectlAsync("report", "pia", "--since", "60d", "--json", O, AdminFixture.Installer)).Output)!;
        var text = (await unit.GatectlAsync("report", "pia", O, AdminFixture.Installer)).Output;

        Assert.Equal(1, (int)lastMonth["counts"]!["activeVisitorCodes"]!);
        Assert.Equal(2, (int)lastMonth["counts"]!["visitorCodesIssued"]!);
        Assert.Equal(unit.Time.GetUtcNow().AddDays(-30), (DateTimeOffset)lastMonth["counts"]!["visitorCodesIssuedSince"]!);
        Assert.Equal(3, (int)sinceStart["counts"]!["visitorCodesIssued"]!);
        var operators = lastMonth["roles"]!.AsArray().ToDictionary(r => (string)r!["role"]!, r => (int)r!["operators"]!);
        Assert.Equal(new Dictionary<string, int> { ["installer"] = 1, ["office"] = 1, ["technician"] = 0, ["guard"] = 1 }, operators);
        Assert.Contains("visitor codes active 1, issued since ", text, StringComparison.Ordinal);
        Assert.Contains("; 0 operator account(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPia_Text_EveryPartOfTheAssessmentAndAudited()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);

        var (status, output, _) = await unit.GatectlAsync("report", "pia", O, AdminFixture.Office);

        Assert.Equal(0, status);
        foreach (var part in new[] { "Doors and methods", "What is collected", "Where it is stored and how it is protected", "Who can reach it", "Retention", "Counts", "Network destinations", "Findings" })
        {
            Assert.Contains(part, output, StringComparison.Ordinal);
        }

        Assert.Contains("front-gate-1", output, StringComparison.Ordinal);
        Assert.Contains("MQTT 192.0.2.10:1883", output, StringComparison.Ordinal);
        Assert.Contains("residents 1 (minors 0)", output, StringComparison.Ordinal);
        Assert.Contains("access events: 90 days", output, StringComparison.Ordinal);
        Assert.Contains(unit.Store.ReadAudit(1, 100), e => e.Action == AuditAction.OperatorAction && e.OperatorId == AdminFixture.Office && e.Detail == "report.pia");
    }

    [Fact]
    public async Task ReportPia_Guard_RefusedAndAudited()
    {
        await using var unit = new AdminFixture();

        var (status, output, error) = await unit.GatectlAsync("report", "pia", O, AdminFixture.Guard);

        Assert.Equal(1, status);
        Assert.Empty(output);
        Assert.Contains("may not run report.pia", error, StringComparison.Ordinal);
        Assert.Contains(unit.Store.ReadAudit(1, 100), e => e.OperatorId == AdminFixture.Guard && e.Detail!.StartsWith("refused report.pia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportPia_ServiceWithoutDoorConfiguration_ClearErrorNothingInvented()
    {
        await using var unit = new AdminFixture();
        var socket = Path.Combine(unit.Directory, "bare.sock");
        var options = new AdminServerOptions { SocketPath = socket };
        options.Operators.Add(new AdminOperator { Name = AdminFixture.Office, Role = "office" });
        using var bare = new AdminServer(unit.Store, options, unit.Time);
        using var stop = new CancellationTokenSource();
        bare.Start();
        var serving = bare.RunAsync(stop.Token);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var status = await GatectlCommandLine.RunAsync(["report", "pia", O, AdminFixture.Office, "--socket", socket], output, error, new GatectlEnvironment { Time = unit.Time }, CancellationToken.None);
        await stop.CancelAsync();
        await serving;

        Assert.Equal(1, status);
        Assert.Empty(output.ToString());
        Assert.Contains("without the door and network configuration", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminServer_InvalidPrivacySettings_ArgumentExceptionNamingEverySetting()
    {
        await using var unit = new AdminFixture();
        var options = new AdminServerOptions { SocketPath = Path.Combine(unit.Directory, "other.sock") };
        var privacy = new PrivacyReportSettings { MqttBrokerHost = " " };

        var ex = Assert.Throws<ArgumentException>(() => new AdminServer(unit.Store, options, unit.Time, privacy: privacy));

        Assert.Contains("UnitId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StoreLocation", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Doors", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MqttBrokerHost", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportProcessing_Since_OnlyLaterRecordsGroupedByKindChainIntact()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "张伟", O, AdminFixture.Office);
        unit.Time.Advance(TimeSpan.FromDays(3));
        await unit.GatectlAsync("consent", "give", "--resident", "R0001", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-1", O, AdminFixture.Office);
        await unit.GatectlAsync("consent", "withdraw", "--resident", "R0001", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "export", "R0001", O, AdminFixture.Office);
        await unit.GatectlAsync("card", "add", "--resident", "R0001", "--uid", "0A0B0C", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "delete", "R0001", O, AdminFixture.Office);

        var (status, output, error) = await unit.GatectlAsync("report", "processing", "--since", "1d", "--json", O, AdminFixture.Office);

        Assert.Equal(0, status);
        Assert.Empty(error);
        var report = JsonNode.Parse(output)!;
        Assert.True((bool)report["chain"]!["intact"]!);
        Assert.Equal(3, (int)report["keptForYears"]!);
        Assert.Equal(unit.Time.GetUtcNow().AddDays(-1), (DateTimeOffset)report["since"]!);
        var counts = report["categories"]!.AsArray().ToDictionary(c => (string)c!["category"]!, c => (int)c!["count"]!);
        Assert.Equal(1, counts["consent"]);
        Assert.Equal(1, counts["withdrawal"]);
        Assert.Equal(1, counts["export"]);
        Assert.Equal(1, counts["records"]);
        Assert.Equal(1, counts["deletion"]);
        Assert.Equal(0, counts["release"]);
        var records = report["records"]!.AsArray();
        Assert.Equal(counts.Values.Sum(), records.Count);
        Assert.DoesNotContain(records, r => (string)r!["action"]! == nameof(AuditAction.ResidentAdded));
        Assert.All(records, r => Assert.True((DateTimeOffset)r!["time"]! >= unit.Time.GetUtcNow().AddDays(-1)));
        Assert.True((DateTimeOffset)report["oldestRecord"]! < unit.Time.GetUtcNow().AddDays(-2));
        Assert.DoesNotContain("张伟", output, StringComparison.Ordinal);
        Assert.DoesNotContain("0A0B0C", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportProcessing_Text_SummaryByKindAndEveryRecord()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);
        await unit.GatectlAsync("door", "release", O, AdminFixture.Guard);

        var (status, output, _) = await unit.GatectlAsync("report", "processing", O, AdminFixture.Office);

        Assert.Equal(0, status);
        Assert.Contains("Processing records", output, StringComparison.Ordinal);
        Assert.Contains("audit chain: intact", output, StringComparison.Ordinal);
        Assert.Contains("period: every record on this unit", output, StringComparison.Ordinal);
        Assert.Contains("kept: at least 3 years", output, StringComparison.Ordinal);
        foreach (var (_, heading) in new[] { ("consent", "consents given"), ("withdrawal", "consents withdrawn"), ("release", "manual door releases") })
        {
            Assert.Contains(heading, output, StringComparison.Ordinal);
        }

        Assert.Contains("ResidentAdded", output, StringComparison.Ordinal);
        Assert.Contains("door.release 5 s refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportProcessing_AlteredEntry_RecordsPrintedChainBrokenExit2()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", O, AdminFixture.Office);
        await unit.GatectlAsync("resident", "add", "--id", "R0002", "--name", "B", O, AdminFixture.Office);
        var altered = unit.Store.ReadAudit(1, 100).First(e => e.Action == AuditAction.ResidentAdded).Sequence;
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(unit.Directory, "data", "gate.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'nothing happened' WHERE seq = {altered};";
            command.ExecuteNonQuery();
        }

        var (status, output, _) = await unit.GatectlAsync("report", "processing", O, AdminFixture.Office);

        Assert.Equal(2, status);
        Assert.Contains($"audit chain: BROKEN at entry {altered}", output, StringComparison.Ordinal);
        Assert.Contains("nothing happened", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("12x")]
    public async Task ReportProcessing_BadSince_UsageErrorNothingAudited(string since)
    {
        await using var unit = new AdminFixture();
        var before = unit.Store.CountContents().AuditRecords;

        var (status, _, error) = await unit.GatectlAsync("report", "processing", "--since", since, O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains($"--since '{since}'", error, StringComparison.Ordinal);
        Assert.Equal(before, unit.Store.CountContents().AuditRecords);
    }
}
