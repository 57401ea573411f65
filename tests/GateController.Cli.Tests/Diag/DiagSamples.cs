using System.Text;
using System.Text.Json;
using GateController.Core.Readers;
using GateController.Telemetry.Health;

namespace GateController.Cli.Tests.Diag;

/// <summary>Documents as a unit publishes them, for the diag tests.</summary>
internal static class DiagSamples
{
    public static readonly DateTimeOffset At = new(2026, 11, 28, 1, 2, 3, TimeSpan.Zero);

    public static HealthDocument Health(string unitId, bool degraded = false) => new()
    {
        UnitId = unitId,
        FirmwareVersion = "1.4.2",
        GeneratedAt = At,
        UptimeSeconds = 93_784,
        CpuTemperatureCelsius = 51.5,
        LoadAverage1Minute = 0.42,
        MemoryAvailableBytes = 512L * 1024 * 1024,
        MemoryTotalBytes = 1024L * 1024 * 1024,
        DiskFreeBytes = 12L * 1024 * 1024 * 1024,
        ClockSynchronized = true,
        Store = new HealthStoreCounts { Residents = 120, Cards = 130, FaceTemplates = 80, ActiveConsents = 78 },
        Readers = [new HealthReader("front", ReaderState.Ok, At, 321, 4, null)],
        CameraFramesPerSecond = 14.8,
        FaceLatencyP50Milliseconds = 85,
        FaceLatencyP95Milliseconds = 140,
        ModelIds = ["face-detector-v1"],
        Door = new HealthDoorState { Locked = true, Open = false },
        Degraded = degraded ? [new HealthSubsystem("face", "model file missing", At)] : [],
    };

    /// <summary>The health document as JSON, the way the unit publishes it (camelCase, enums as strings).</summary>
    public static byte[] HealthJson(HealthDocument health) => JsonSerializer.SerializeToUtf8Bytes(health, Json);

    public static byte[] EventJson(long sequence, string kind, bool alarm, string door = "front", string? reason = null) =>
        Encoding.UTF8.GetBytes($$"""{"sequence":{{sequence}},"kind":"{{kind}}","alarm":{{(alarm ? "true" : "false")}},"at":"2026-11-28T01:02:03+00:00","door":"{{door}}"{{(reason is null ? string.Empty : $",\"reason\":\"{reason}\"")}}}""");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
