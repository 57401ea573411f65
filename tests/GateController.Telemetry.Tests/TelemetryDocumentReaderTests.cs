using System.Text;
using System.Text.Json;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;

namespace GateController.Telemetry.Tests;

public sealed class TelemetryDocumentReaderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 1, 2, 3, TimeSpan.Zero);

    [Fact]
    public void TryReadHealth_AsPublished_SameFigures()
    {
        var health = new HealthDocument
        {
            UnitId = "gate-1",
            FirmwareVersion = "1.4.2",
            UptimeSeconds = 3600,
            ClockSynchronized = false,
            Store = new HealthStoreCounts { Residents = 3, FaceTemplates = 85_000 },
            Readers = [new HealthReader("front", ReaderState.Flooding, At, 10, 9, "parity")],
            Door = new HealthDoorState { Locked = false, FireAlarm = true },
            Degraded = [new HealthSubsystem("camera", "device gone", At)],
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(health, TelemetryJsonContext.Default.HealthDocument);

        Assert.True(TelemetryDocumentReader.TryReadHealth(payload, out var read, out var problem));

        Assert.Null(problem);
        Assert.Equal(("gate-1", "1.4.2", 3600L, (bool?)false), (read.UnitId, read.FirmwareVersion, read.UptimeSeconds, read.ClockSynchronized));
        Assert.Equal(health.Store, read.Store);
        Assert.Equal(health.Readers, read.Readers);
        Assert.Equal(health.Door, read.Door);
        Assert.Equal(health.Degraded, read.Degraded);
        Assert.NotNull(read.Store.FaceTemplateWarning);
    }

    [Fact]
    public void TryReadEvent_AsPublished_SameEvent()
    {
        var published = EventDocument.From(new TelemetryEvent(TelemetryEventKind.Duress, At, "front") { Method = CredentialKind.Pin }, 42, includeResidentId: false);
        var payload = JsonSerializer.SerializeToUtf8Bytes(published, TelemetryJsonContext.Default.EventDocument);

        Assert.True(TelemetryDocumentReader.TryReadEvent(payload, out var read, out _));

        Assert.Equal(published, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{")]
    [InlineData("\"online\"")]
    [InlineData("{\"uptimeSeconds\":\"long\"}")]
    [InlineData("{\"readers\":[{\"readerId\":\"front\",\"state\":\"Sideways\"}]}")]
    public void TryReadHealth_Malformed_FalseWithReason(string text)
    {
        Assert.False(TelemetryDocumentReader.TryReadHealth(Encoding.UTF8.GetBytes(text), out var read, out var problem));

        Assert.Null(read);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData("{\"sequence\":1,\"kind\":\"Tamper\",\"alarm\":true,\"at\":\"2026-11-28T01:02:03Z\"}")]
    [InlineData("{\"sequence\":\"one\",\"kind\":\"Tamper\",\"alarm\":true,\"at\":\"2026-11-28T01:02:03Z\",\"door\":\"front\"}")]
    [InlineData("{\"sequence\":1,\"kind\":\"Tamper\",\"alarm\":true,\"at\":\"yesterday\",\"door\":\"front\"}")]
    [InlineData("[]")]
    public void TryReadEvent_Malformed_FalseWithReason(string text)
    {
        Assert.False(TelemetryDocumentReader.TryReadEvent(Encoding.UTF8.GetBytes(text), out var read, out var problem));

        Assert.Null(read);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void TryReadEvent_BinaryGarbage_FalseNoThrow()
    {
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray();

        Assert.False(TelemetryDocumentReader.TryReadEvent(garbage, out _, out var problem));
        Assert.NotNull(problem);
    }
}
