using System.Diagnostics;
using System.Text.Json.Nodes;
using GateController.Core.Consents;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Cli.Tests.Privacy;

/// <summary>Issue 10's consent items end to end: minors, renewal after a notice change, receipts, bad input.</summary>
public sealed class ConsentPrivacyTests
{
    private const string O = "--operator";
    private const string OldNoticeText = "## 旧告知书 / Earlier notice\nAn earlier text the resident once signed.\n";

    [Fact]
    public async Task ConsentGive_MinorWithoutGuardian_RefusedAndNothingRecorded()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0100", "--name", "小明", "--minor", O, AdminFixture.Office);
        var auditBefore = unit.Store.CountContents().AuditRecords;

        var (status, output, error) = await unit.GatectlAsync("consent", "give", "--resident", "R0100", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-7", O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Empty(output);
        Assert.Contains("R0100 is a minor", error, StringComparison.Ordinal);
        Assert.Contains("guardian", error, StringComparison.Ordinal);
        Assert.Empty(unit.Store.ListConsents(ResidentId.Parse("R0100")));
        Assert.DoesNotContain(unit.Store.ReadAudit(auditBefore + 1, 100), e => e.Action == AuditAction.ConsentGiven);
    }

    [Fact]
    public async Task Minor_DefaultsToFaceOff_GuardianConsentRecordedAndPrintedOnReceipt()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0101", "--name", "小红", "--minor", O, AdminFixture.Office);

        var before = JsonNode.Parse((await unit.GatectlAsync("resident", "show", "R0101", "--json", O, AdminFixture.Office)).Output)!;
        Assert.True((bool)before["resident"]!["minor"]!);
        Assert.Empty(before["consents"]!.AsArray());
        Assert.Empty(before["faceTemplates"]!.AsArray());

        var give = await unit.GatectlAsync("consent", "give", "--resident", "R0101", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-8", "--guardian", "李监护", O, AdminFixture.Office);
        var receipt = await unit.GatectlAsync("consent", "show", "R0101", "--receipt", O, AdminFixture.Office);

        Assert.Equal(0, give.Status);
        var consent = Assert.Single(unit.Store.ListConsents(ResidentId.Parse("R0101")));
        Assert.Equal("李监护", consent.Guardian);
        Assert.Equal(0, receipt.Status);
        Assert.Contains("李监护", receipt.Output, StringComparison.Ordinal);
        Assert.Contains("第一联", receipt.Output, StringComparison.Ordinal);
        Assert.Contains("第二联", receipt.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentShowReceipt_NoConsent_ClearErrorNamingResidentNothingChanged()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0102", "--name", "A", O, AdminFixture.Office);
        var html = Path.Combine(unit.Directory, "receipt.html");
        var auditBefore = unit.Store.CountContents().AuditRecords;

        var (status, output, error) = await unit.GatectlAsync("consent", "show", "R0102", "--receipt", "--html", html, O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Empty(output);
        Assert.Contains("R0102", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(html));
        Assert.Empty(unit.Store.ListConsents(ResidentId.Parse("R0102")));
        Assert.Equal(auditBefore, unit.Store.CountContents().AuditRecords);
    }

    [Fact]
    public async Task ConsentShowReceipt_UnknownResident_ClearErrorNamingResident()
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlAsync("consent", "show", "R0999", "--receipt", O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Contains("R0999", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoticeChanged_ConsentUnderEarlierNotice_FlaggedForRenewalUntilGivenAgain()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0103", "--name", "A", O, AdminFixture.Office);
        unit.Store.RecordConsent(new ConsentGrant(ResidentId.Parse("R0103"), ConsentKind.Face, "2025-06", OldNoticeText, ConsentChannel.Office, "F-OLD", null, AdminFixture.Office));

        var show = await unit.GatectlAsync("consent", "show", "R0103", O, AdminFixture.Office);
        var json = JsonNode.Parse((await unit.GatectlAsync("consent", "show", "R0103", "--json", O, AdminFixture.Office)).Output)!;
        var status = JsonNode.Parse((await unit.GatectlAsync("status", "--json", O, AdminFixture.Installer)).Output)!;

        Assert.Contains("NEEDS RENEWAL", show.Output, StringComparison.Ordinal);
        Assert.Contains("2025-06", show.Output, StringComparison.Ordinal);
        var flagged = Assert.Single(json["consents"]!.AsArray())!;
        Assert.True((bool)flagged["needsRenewal"]!);
        Assert.True((bool)flagged["active"]!);
        Assert.Contains($"the notice in force is {AdminFixture.NoticeVersion}", (string)flagged["renewal"]!, StringComparison.Ordinal);
        Assert.Equal(1, (int)status["consentsNeedingRenewal"]!);
        Assert.Contains(status["warnings"]!.AsArray(), w => ((string)w!).Contains("earlier notice", StringComparison.Ordinal));

        var renew = await unit.GatectlAsync("consent", "give", "--resident", "R0103", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-NEW", O, AdminFixture.Office);
        Assert.Equal(0, renew.Status);
        var after = JsonNode.Parse((await unit.GatectlAsync("consent", "show", "R0103", "--json", O, AdminFixture.Office)).Output)!;
        var statusAfter = JsonNode.Parse((await unit.GatectlAsync("status", "--json", O, AdminFixture.Installer)).Output)!;
        Assert.All(after["consents"]!.AsArray(), c => Assert.False((bool)c!["needsRenewal"]!));
        Assert.Equal(0, (int)statusAfter["consentsNeedingRenewal"]!);
        Assert.Empty(statusAfter["warnings"]!.AsArray());
    }

    [Fact]
    public async Task ConsentGive_EarlierNoticeVersion_RefusedNamingTheNoticeInForce()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0104", "--name", "A", O, AdminFixture.Office);

        var (status, _, error) = await unit.GatectlAsync("consent", "give", "--resident", "R0104", "--notice-version", "2025-06", "--form", "F1", O, AdminFixture.Office);

        Assert.Equal(1, status);
        Assert.Contains($"the notice in force is {AdminFixture.NoticeVersion}", error, StringComparison.Ordinal);
        Assert.Empty(unit.Store.ListConsents(ResidentId.Parse("R0104")));
    }

    [Fact]
    public async Task Gatecontrollerd_NoticeFileMissingARequiredItem_Exits78NamingTheItem()
    {
        await using var unit = new AdminFixture();
        var notice = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "consent-notice.en.md"));
        var start = notice.IndexOf("{#retention}", StringComparison.Ordinal);
        var headingStart = notice.LastIndexOf("\n## ", start, StringComparison.Ordinal);
        var nextHeading = notice.IndexOf("\n## ", start, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(unit.Directory, "notice-2026-01.en.md"), notice[..headingStart] + notice[nextHeading..]);
        var config = Path.Combine(unit.Directory, "gatecontroller.json");
        File.WriteAllText(config, new JsonObject
        {
            ["dataDirectory"] = Path.Combine(unit.Directory, "data2"),
            ["keyFile"] = unit.KeyFile,
            ["adminSocket"] = Path.Combine(unit.Directory, "d.sock"),
            ["face"] = new JsonObject { ["enabled"] = false },
            ["door"] = new JsonObject { ["enabled"] = false },
            ["consent"] = new JsonObject
            {
                ["currentNoticeVersion"] = "2026-01",
                ["processorName"] = "Example Property Services",
                ["officeContact"] = "Building 3 office",
                ["notices"] = new JsonArray(new JsonObject { ["version"] = "2026-01", ["language"] = "en", ["file"] = "notice-2026-01.en.md" }),
            },
        }.ToJsonString());

        var (exitCode, error) = await RunGatecontrollerdAsync(config);

        Assert.Equal(78, exitCode);
        Assert.Contains("{#retention}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("{#purpose}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(unit.Directory, "data2", "gate.db")));
    }

    private static async Task<(int ExitCode, string Error)> RunGatecontrollerdAsync(string config)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gatecontrollerd.dll"));
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(config);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await output;
        return (process.ExitCode, await error);
    }
}
