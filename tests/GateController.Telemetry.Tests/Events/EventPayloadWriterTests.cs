using System.Text.Json;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Telemetry.Events;

namespace GateController.Telemetry.Tests.Events;

public sealed class EventPayloadWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 30, 15, 123, TimeSpan.Zero);

    public static TheoryData<TelemetryEvent, bool> Events => new()
    {
        { new TelemetryEvent(TelemetryEventKind.AccessGranted, At, "front") { Method = CredentialKind.Card, ResidentId = ResidentId.Parse("R0042") }, false },
        { new TelemetryEvent(TelemetryEventKind.AccessGranted, At, "front") { Method = CredentialKind.Card, ResidentId = ResidentId.Parse("R0042") }, true },
        { new TelemetryEvent(TelemetryEventKind.AccessDenied, At, "side-gate", "unknown-credential") { Method = CredentialKind.Pin }, false },
        { new TelemetryEvent(TelemetryEventKind.DoorForced, At.AddHours(5), "garage", "forced-open"), false },
        { new TelemetryEvent(TelemetryEventKind.Duress, At, "front", "duress-pin") { Method = CredentialKind.Pin, ResidentId = ResidentId.Parse("R0007") }, true },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Write_AnyEvent_SameBytesAsTheSerializer(TelemetryEvent telemetryEvent, bool includeResidentIds)
    {
        using var writer = new EventPayloadWriter();
        var queued = new QueuedTelemetryEvent(1234, telemetryEvent);
        var expected = JsonSerializer.SerializeToUtf8Bytes(EventDocument.From(telemetryEvent, 1234, includeResidentIds), TelemetryJsonContext.Default.EventDocument);

        Assert.Equal(expected, writer.Write(queued, includeResidentIds).ToArray());
    }

    [Fact]
    public void Write_LongThenShortEvent_SecondHoldsOnlyItsOwnBytes()
    {
        using var writer = new EventPayloadWriter();
        var longEvent = new TelemetryEvent(TelemetryEventKind.AccessDenied, At, "a-rather-long-door-name", "second-factor-required") { Method = CredentialKind.Card, ResidentId = ResidentId.Parse("R0042") };
        var shortEvent = new TelemetryEvent(TelemetryEventKind.Tamper, At, "x");

        var first = writer.Write(new QueuedTelemetryEvent(1, longEvent), includeResidentIds: true).ToArray();
        var second = writer.Write(new QueuedTelemetryEvent(2, shortEvent), includeResidentIds: true).ToArray();

        Assert.True(second.Length < first.Length);
        using var document = JsonDocument.Parse(second);
        Assert.Equal(2, document.RootElement.GetProperty("sequence").GetInt64());
        Assert.Equal("x", document.RootElement.GetProperty("door").GetString());
        Assert.False(document.RootElement.TryGetProperty("resident", out _));
    }

    [Fact]
    public void Write_SteadyState_AllocatesOnlyTheDocument()
    {
        using var writer = new EventPayloadWriter();
        var queued = new QueuedTelemetryEvent(99, new TelemetryEvent(TelemetryEventKind.AccessDenied, At, "front", "unknown-credential") { Method = CredentialKind.Card });
        var payloadLength = writer.Write(queued, includeResidentIds: false).Length;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            writer.Write(queued, includeResidentIds: false);
        }

        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        // The serializer's own byte[] per event would be at least the payload; only the small document object remains.
        Assert.True(perEvent < payloadLength, $"{perEvent} B allocated per event for a {payloadLength} B payload");
    }
}
