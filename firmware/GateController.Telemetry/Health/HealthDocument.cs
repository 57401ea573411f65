namespace GateController.Telemetry.Health;

/// <summary>
/// The retained health document of a unit (<c>…/health</c>). It holds counts, states and timings only:
/// no names, card identifiers, PINs, images or embeddings.
/// </summary>
public sealed record HealthDocument
{
    /// <summary>The unit id (filled by the publisher).</summary>
    public string UnitId { get; init; } = string.Empty;

    /// <summary>Firmware version.</summary>
    public string FirmwareVersion { get; init; } = string.Empty;

    /// <summary>When the document was made.</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Seconds since the service started (filled by the publisher).</summary>
    public long UptimeSeconds { get; init; }

    /// <summary>Seconds since the unit booted (<c>/proc/uptime</c>), if readable.</summary>
    public long? SystemUptimeSeconds { get; init; }

    /// <summary>CPU temperature, if readable.</summary>
    public double? CpuTemperatureCelsius { get; init; }

    /// <summary>One-minute load average.</summary>
    public double? LoadAverage1Minute { get; init; }

    /// <summary>Memory available, in bytes.</summary>
    public long? MemoryAvailableBytes { get; init; }

    /// <summary>Memory total, in bytes.</summary>
    public long? MemoryTotalBytes { get; init; }

    /// <summary>The firmware process's resident memory, in bytes.</summary>
    public long? ProcessResidentBytes { get; init; }

    /// <summary>Free bytes on the data disk.</summary>
    public long? DiskFreeBytes { get; init; }

    /// <summary>Whether the clock is synchronised by NTP (null when unknown).</summary>
    public bool? ClockSynchronized { get; init; }

    /// <summary>Store counts.</summary>
    public HealthStoreCounts Store { get; init; } = new();

    /// <summary>One entry per reader.</summary>
    public IReadOnlyList<HealthReader> Readers { get; init; } = [];

    /// <summary>Camera frames per second.</summary>
    public double? CameraFramesPerSecond { get; init; }

    /// <summary>Face pipeline latency, median, milliseconds.</summary>
    public double? FaceLatencyP50Milliseconds { get; init; }

    /// <summary>Face pipeline latency, 95th percentile, milliseconds.</summary>
    public double? FaceLatencyP95Milliseconds { get; init; }

    /// <summary>Ids of the loaded models (manifest ids, not file paths).</summary>
    public IReadOnlyList<string> ModelIds { get; init; } = [];

    /// <summary>The face reader's aggregate counters since start (no count per person); null without a face reader.</summary>
    public HealthFaceCounters? FaceCounters { get; init; }

    /// <summary>Lock, door, fire and tamper state.</summary>
    public HealthDoorState Door { get; init; } = new();

    /// <summary>Subsystems running degraded, with their last error.</summary>
    public IReadOnlyList<HealthSubsystem> Degraded { get; init; } = [];

    /// <summary>Telemetry's own counters (queue, drops); filled by the publisher.</summary>
    public HealthTelemetryCounters? Telemetry { get; init; }
}
