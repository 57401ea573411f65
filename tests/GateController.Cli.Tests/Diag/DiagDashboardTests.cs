using System.Text;
using GateController.Cli.Diag;
using GateController.Telemetry.Events;

namespace GateController.Cli.Tests.Diag;

public sealed class DiagDashboardTests
{
    [Fact]
    public void Apply_StatusHealthAndEvents_OneViewWithEverything()
    {
        var dashboard = new DiagDashboard();

        Assert.Null(dashboard.Apply("gate-1", DiagDocumentKind.Status, "online"u8, DiagSamples.At));
        Assert.Null(dashboard.Apply("gate-1", DiagDocumentKind.Health, DiagSamples.HealthJson(DiagSamples.Health("gate-1")), DiagSamples.At));
        Assert.Null(dashboard.Apply("gate-1", DiagDocumentKind.Event, DiagSamples.EventJson(1, "AccessGranted", alarm: false), DiagSamples.At));
        Assert.Null(dashboard.Apply("gate-1", DiagDocumentKind.Event, DiagSamples.EventJson(2, "DoorForced", alarm: true), DiagSamples.At));

        var view = Assert.Single(dashboard.Units);
        Assert.Equal("online", view.Status);
        Assert.Equal("1.4.2", view.Health!.FirmwareVersion);
        Assert.Equal(120, view.Health.Store.Residents);
        Assert.Equal(2, view.Events);
        Assert.Equal(1, view.Alarms);
        var alarm = Assert.Single(dashboard.RecentAlarms);
        Assert.Equal(TelemetryEventKind.DoorForced, alarm.Event.Kind);
        Assert.Equal(0, dashboard.Skipped);
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "Status", Encoding.UTF8.GetBytes("maybe") },
        { "Status", new byte[4096] },
        { "Health", Encoding.UTF8.GetBytes("{not json") },
        { "Health", Encoding.UTF8.GetBytes("null") },
        { "Health", Encoding.UTF8.GetBytes("[1,2,3]") },
        { "Health", Encoding.UTF8.GetBytes("{\"uptimeSeconds\":\"soon\"}") },
        { "Health", Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100)) },
        { "Health", [] },
        { "Event", [0xFF, 0xFE, 0x00, 0x01] },
        { "Event", Encoding.UTF8.GetBytes("{\"sequence\":1,\"kind\":\"Meteor\",\"alarm\":true,\"at\":\"2026-11-28T01:02:03Z\",\"door\":\"front\"}") },
        { "Event", Encoding.UTF8.GetBytes("{\"sequence\":1,\"kind\":\"DoorForced\",\"alarm\":true,\"at\":\"2026-11-28T01:02:03Z\"}") },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Apply_Malformed_SkippedWithNoteNoUnit(string kindName, byte[] payload)
    {
        var kind = Enum.Parse<DiagDocumentKind>(kindName);
        var dashboard = new DiagDashboard();

        var note = dashboard.Apply("gate-9", kind, payload, DiagSamples.At);

        Assert.NotNull(note);
        Assert.Contains("gate-9", note, StringComparison.Ordinal);
        Assert.Equal(1, dashboard.Skipped);
        Assert.Equal(note, Assert.Single(dashboard.Notes));
        Assert.Empty(dashboard.Units);
        Assert.Equal(note.Split(": ", 2)[1], DiagDashboard.Check(kind, payload));
    }

    [Fact]
    public void Apply_ManyAlarms_KeepsNewestTen()
    {
        var dashboard = new DiagDashboard();

        for (var i = 1; i <= 25; i++)
        {
            dashboard.Apply("gate-1", DiagDocumentKind.Event, DiagSamples.EventJson(i, "Tamper", alarm: true), DiagSamples.At);
        }

        Assert.Equal(DiagDashboard.AlarmsKept, dashboard.RecentAlarms.Count);
        Assert.Equal(25, dashboard.RecentAlarms.First().Event.Sequence);
        Assert.Equal(25, Assert.Single(dashboard.Units).Alarms);
    }

    [Theory]
    [InlineData("online")]
    [InlineData("offline")]
    [InlineData("stopped")]
    public void TryReadStatus_KnownStatus_True(string status)
    {
        Assert.True(DiagDashboard.TryReadStatus(Encoding.UTF8.GetBytes(status), out var read, out var problem));
        Assert.Equal(status, read);
        Assert.Null(problem);
    }
}
