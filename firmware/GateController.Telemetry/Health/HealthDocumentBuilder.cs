using GateController.Core.Privacy;

namespace GateController.Telemetry.Health;

/// <summary>
/// Assembles a <see cref="HealthDocument"/> from the unit's facts and the supplied sources. A source that throws
/// does not stop the document: its part stays empty and it is listed as degraded by exception type only, so no
/// exception text (which could hold personal data) is published.
/// </summary>
public sealed class HealthDocumentBuilder
{
    /// <summary>The degraded-subsystem name used for facts the probe could not read.</summary>
    public const string ProbeSubsystem = "health-probe";

    /// <summary>The degraded-subsystem name used when face templates reach the filing threshold.</summary>
    public const string FaceTemplateSubsystem = "face-templates";

    private readonly Func<SystemHealthFacts> _readFacts;
    private readonly HealthDocumentSources _sources;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a builder over a probe.</summary>
    public HealthDocumentBuilder(SystemHealthProbe probe, HealthDocumentSources sources, TimeProvider timeProvider)
        : this(probe is null ? throw new ArgumentNullException(nameof(probe)) : probe.Read, sources, timeProvider)
    {
    }

    /// <summary>Creates a builder over any source of unit facts.</summary>
    public HealthDocumentBuilder(Func<SystemHealthFacts> readFacts, HealthDocumentSources sources, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(readFacts);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _readFacts = readFacts;
        _sources = sources;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Builds the document now; suitable as the health source of the telemetry service, which fills the unit id,
    /// the service uptime and its own counters.
    /// </summary>
    public HealthDocument Build()
    {
        var degraded = new List<HealthSubsystem>();
        var now = _timeProvider.GetUtcNow();

        var facts = Collect("health-probe", _readFacts, new SystemHealthFacts { FirmwareVersion = SystemHealthProbe.FirmwareVersion }, degraded, now);
        if (facts.Problems.Count > 0)
        {
            degraded.Add(new HealthSubsystem(ProbeSubsystem, string.Join("; ", facts.Problems), null));
        }

        var store = _sources.StoreCounts is null ? new HealthStoreCounts() : Collect("store", _sources.StoreCounts, new HealthStoreCounts(), degraded, now);
        var scale = FaceTemplateScale.Evaluate(Math.Max(0, store.FaceTemplates));
        if (scale.Level == FaceTemplateScaleLevel.Limit && scale.Message is not null)
        {
            degraded.Add(new HealthSubsystem(FaceTemplateSubsystem, scale.Message, null));
        }

        var readers = _sources.Readers is null ? [] : Collect("readers", _sources.Readers, [], degraded, now);
        var door = _sources.Door is null ? new HealthDoorState() : Collect("door", _sources.Door, new HealthDoorState(), degraded, now);
        var face = _sources.Face is null ? null : Collect("face", _sources.Face, null, degraded, now);
        if (_sources.Degraded is not null)
        {
            degraded.AddRange(Collect("degraded", _sources.Degraded, [], degraded, now));
        }

        return new HealthDocument
        {
            FirmwareVersion = facts.FirmwareVersion,
            GeneratedAt = now,
            SystemUptimeSeconds = facts.Uptime is { } uptime ? (long)uptime.TotalSeconds : null,
            CpuTemperatureCelsius = facts.CpuTemperatureCelsius,
            LoadAverage1Minute = facts.LoadAverage1Minute,
            MemoryTotalBytes = facts.MemoryTotalBytes,
            MemoryAvailableBytes = facts.MemoryAvailableBytes,
            ProcessResidentBytes = facts.ProcessResidentBytes,
            DiskFreeBytes = facts.DiskFreeBytes,
            ClockSynchronized = facts.ClockSynchronized,
            Store = store,
            Readers = readers.Select(HealthReader.From).ToArray(),
            CameraFramesPerSecond = face?.CameraFramesPerSecond,
            FaceLatencyP50Milliseconds = face?.LatencyP50Milliseconds,
            FaceLatencyP95Milliseconds = face?.LatencyP95Milliseconds,
            ModelIds = face?.ModelIds ?? [],
            FaceCounters = face is null ? null : HealthFaceCounters.From(face),
            Door = door,
            Degraded = degraded,
        };
    }

    private static T Collect<T>(string name, Func<T> source, T fallback, List<HealthSubsystem> degraded, DateTimeOffset now)
    {
#pragma warning disable CA1031 // A failing source must not take the whole health document down.
        try
        {
            return source();
        }
        catch (Exception e)
        {
            degraded.Add(new HealthSubsystem(name, $"health source failed: {e.GetType().Name}", now));
            return fallback;
        }
#pragma warning restore CA1031
    }
}
