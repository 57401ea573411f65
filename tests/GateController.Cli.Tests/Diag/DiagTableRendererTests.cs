using GateController.Cli.Diag;
using GateController.Core.Readers;
using GateController.Telemetry.Health;

namespace GateController.Cli.Tests.Diag;

public sealed class DiagTableRendererTests
{
    private const string Title = "gatectl diag  localhost:1883  all units";

    [Fact]
    public void Render_NoUnits_Waiting()
    {
        var screen = DiagTableRenderer.Render(new DiagDashboard(), Title, color: false);

        Assert.StartsWith(Title + "\n", screen, StringComparison.Ordinal);
        Assert.Contains("waiting for units", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OnlineUnit_RowWithEveryHealthFigure()
    {
        var dashboard = new DiagDashboard();
        dashboard.Apply("gate-1", DiagDocumentKind.Status, "online"u8, DiagSamples.At);
        dashboard.Apply("gate-1", DiagDocumentKind.Health, DiagSamples.HealthJson(DiagSamples.Health("gate-1")), DiagSamples.At);

        var lines = DiagTableRenderer.Render(dashboard, Title, color: false).Split('\n');

        Assert.StartsWith("UNIT", lines[1], StringComparison.Ordinal);
        var row = lines[2];
        foreach (var expected in new[] { "gate-1", "online", "1.4.2", "1d02h", "51.5°C", "0.42", "512/1024 MiB", "12.0 GiB", "ntp", "120/130/80/78", "front:ok 321/4", "14.8 fps", "85/140 ms", "locked closed", "none" })
        {
            Assert.Contains(expected, row, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\u001b[", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OfflineAndOnlineUnits_OneRowEachOfflineInCapitals()
    {
        var dashboard = new DiagDashboard();
        dashboard.Apply("gate-a", DiagDocumentKind.Status, "online"u8, DiagSamples.At);
        dashboard.Apply("gate-b", DiagDocumentKind.Status, "offline"u8, DiagSamples.At);

        var lines = DiagTableRenderer.Render(dashboard, Title, color: false).Split('\n');

        Assert.Matches("^gate-a +online", lines[2]);
        Assert.Matches("^gate-b +OFFLINE", lines[3]);
    }

    [Fact]
    public void Render_DegradedSubsystemAndAlarm_ShownAndMarked()
    {
        var dashboard = new DiagDashboard();
        dashboard.Apply("gate-1", DiagDocumentKind.Health, DiagSamples.HealthJson(DiagSamples.Health("gate-1", degraded: true)), DiagSamples.At);
        dashboard.Apply("gate-1", DiagDocumentKind.Event, DiagSamples.EventJson(7, "DoorForced", alarm: true, reason: "no-release"), DiagSamples.At);
        dashboard.Apply("gate-1", DiagDocumentKind.Event, DiagSamples.EventJson(8, "AccessGranted", alarm: false), DiagSamples.At);

        var screen = DiagTableRenderer.Render(dashboard, Title, color: false);

        Assert.Contains("FACE: model file missing", screen, StringComparison.Ordinal);
        Assert.Contains("!! ALARM 2026-11-28 01:02:03Z  gate-1  DoorForced  door front  no-release", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("AccessGranted", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Color_TroubleInRedHealthyPlain()
    {
        var dashboard = new DiagDashboard();
        dashboard.Apply("gate-a", DiagDocumentKind.Status, "offline"u8, DiagSamples.At);
        dashboard.Apply("gate-a", DiagDocumentKind.Health, DiagSamples.HealthJson(DiagSamples.Health("gate-a", degraded: true)), DiagSamples.At);
        dashboard.Apply("gate-a", DiagDocumentKind.Event, DiagSamples.EventJson(1, "FireAlarm", alarm: true), DiagSamples.At);

        var screen = DiagTableRenderer.Render(dashboard, Title, color: true);

        Assert.Contains("\u001b[1;31mOFFLINE", screen, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;31mFACE: model file missing", screen, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;31m!! ALARM", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[1;31mgate-a", screen, StringComparison.Ordinal);
    }

    public static TheoryData<HealthDocument, string> Trouble => new()
    {
        { DiagSamples.Health("u") with { Door = new HealthDoorState { Locked = false, Open = true, FireAlarm = true } }, "unlocked open FIRE" },
        { DiagSamples.Health("u") with { Door = new HealthDoorState { Tamper = true } }, "lock? no-contact TAMPER" },
        { DiagSamples.Health("u") with { ClockSynchronized = false }, "UNSYNCED" },
        { DiagSamples.Health("u") with { Readers = [new HealthReader("side", ReaderState.Faulted, null, 0, 0, "gone")] }, "side:FAULTED 0/0" },
        { DiagSamples.Health("u") with { Store = new HealthStoreCounts { FaceTemplates = 90_000 } }, "0/0/90000/0 FACE-LIMIT" },
        { DiagSamples.Health("u") with { UptimeSeconds = 125 }, "2m05s" },
    };

    [Theory]
    [MemberData(nameof(Trouble))]
    public void Render_UnusualHealth_ShownInItsCell(HealthDocument health, string expected)
    {
        var dashboard = new DiagDashboard();
        dashboard.Apply("u", DiagDocumentKind.Health, DiagSamples.HealthJson(health), DiagSamples.At);

        Assert.Contains(expected, DiagTableRenderer.Render(dashboard, Title, color: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MalformedDocument_NoteUnderTable()
    {
        var dashboard = new DiagDashboard();
        dashboard.Apply("gate-1", DiagDocumentKind.Health, "{oops"u8, DiagSamples.At);

        var screen = DiagTableRenderer.Render(dashboard, Title, color: false);

        Assert.Contains("skipped documents: 1", screen, StringComparison.Ordinal);
        Assert.Contains("skipped a malformed health document from gate-1", screen, StringComparison.Ordinal);
    }
}
