using System.Text;
using System.Text.Json;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Telemetry.Events;

namespace GateController.Telemetry.Tests.Events;

public sealed class TelemetryEventTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TelemetryEventKind.AccessGranted, false)]
    [InlineData(TelemetryEventKind.AccessDenied, false)]
    [InlineData(TelemetryEventKind.DoorReleased, false)]
    [InlineData(TelemetryEventKind.DoorHeldOpen, true)]
    [InlineData(TelemetryEventKind.DoorForced, true)]
    [InlineData(TelemetryEventKind.Tamper, true)]
    [InlineData(TelemetryEventKind.FireAlarm, true)]
    [InlineData(TelemetryEventKind.Duress, true)]
    [InlineData(TelemetryEventKind.Lockout, true)]
    public void IsAlarm_ByKind_Matches(TelemetryEventKind kind, bool alarm) =>
        Assert.Equal(alarm, new TelemetryEvent(kind, At, "front").IsAlarm);

    [Theory]
    [InlineData("Zhang San")]
    [InlineData("DEADBEEF")]
    [InlineData("pin 1234")]
    [InlineData("")]
    public void Constructor_ReasonNotACode_Throws(string reason) =>
        Assert.Throws<ArgumentException>(() => new TelemetryEvent(TelemetryEventKind.AccessDenied, At, "front", reason));

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "R0042")]
    public void EventDocument_ResidentId_OnlyWhenConfigured(bool publish, string? expected)
    {
        var e = new TelemetryEvent(TelemetryEventKind.AccessGranted, At, "front") { ResidentId = ResidentId.Parse("R0042"), Method = CredentialKind.Card };

        var json = JsonSerializer.Serialize(EventDocument.From(e, 7, publish), TelemetryJsonContext.Default.EventDocument);
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, document.RootElement.TryGetProperty("resident", out var resident) ? resident.GetString() : null);
        Assert.Equal("Card", document.RootElement.GetProperty("method").GetString());
        Assert.Equal(7, document.RootElement.GetProperty("sequence").GetInt64());
        Assert.Equal(publish, json.Contains("R0042", StringComparison.Ordinal));
        Assert.DoesNotContain("R0042", Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(EventDocument.From(e, 7, false), TelemetryJsonContext.Default.EventDocument)), StringComparison.Ordinal);
    }
}
