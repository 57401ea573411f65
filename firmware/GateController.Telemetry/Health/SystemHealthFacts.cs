namespace GateController.Telemetry.Health;

/// <summary>The unit's own facts for health; each is null when it could not be read (see <see cref="Problems"/>).</summary>
public sealed record SystemHealthFacts
{
    /// <summary>Firmware version (the assembly's informational version).</summary>
    public string FirmwareVersion { get; init; } = string.Empty;

    /// <summary>Time since the unit booted.</summary>
    public TimeSpan? Uptime { get; init; }

    /// <summary>CPU temperature; null when the unit has no thermal zone.</summary>
    public double? CpuTemperatureCelsius { get; init; }

    /// <summary>One-minute load average.</summary>
    public double? LoadAverage1Minute { get; init; }

    /// <summary>Memory total, bytes.</summary>
    public long? MemoryTotalBytes { get; init; }

    /// <summary>Memory available, bytes.</summary>
    public long? MemoryAvailableBytes { get; init; }

    /// <summary>The firmware process's resident memory, bytes.</summary>
    public long? ProcessResidentBytes { get; init; }

    /// <summary>Free bytes on the data directory's file system.</summary>
    public long? DiskFreeBytes { get; init; }

    /// <summary>Whether the clock is synchronised by NTP.</summary>
    public bool? ClockSynchronized { get; init; }

    /// <summary>What could not be read, one line each (no personal data).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
