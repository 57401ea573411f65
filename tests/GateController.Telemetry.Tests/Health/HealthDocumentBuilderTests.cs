using System.Text.Json;
using GateController.Core.Privacy;
using GateController.Core.Readers;
using GateController.Telemetry.Health;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Telemetry.Tests.Health;

public sealed class HealthDocumentBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    private static readonly SystemHealthFacts Facts = new()
    {
        FirmwareVersion = "1.2.3",
        Uptime = TimeSpan.FromSeconds(3661.9),
        CpuTemperatureCelsius = 51.2,
        LoadAverage1Minute = 0.7,
        MemoryTotalBytes = 4_000_000_000,
        MemoryAvailableBytes = 3_000_000_000,
        ProcessResidentBytes = 90_000_000,
        DiskFreeBytes = 20_000_000_000,
        ClockSynchronized = false,
    };

    private static HealthDocumentBuilder Builder(HealthDocumentSources sources, SystemHealthFacts? facts = null) =>
        new(() => facts ?? Facts, sources, new FakeTimeProvider(Now));

    [Fact]
    public void Build_FactsOnly_CopiesFactsAndTime()
    {
        var document = Builder(new HealthDocumentSources()).Build();

        Assert.Equal("1.2.3", document.FirmwareVersion);
        Assert.Equal(Now, document.GeneratedAt);
        Assert.Equal(3661, document.SystemUptimeSeconds);
        Assert.Equal(51.2, document.CpuTemperatureCelsius);
        Assert.Equal(0.7, document.LoadAverage1Minute);
        Assert.Equal(4_000_000_000, document.MemoryTotalBytes);
        Assert.Equal(3_000_000_000, document.MemoryAvailableBytes);
        Assert.Equal(90_000_000, document.ProcessResidentBytes);
        Assert.Equal(20_000_000_000, document.DiskFreeBytes);
        Assert.False(document.ClockSynchronized);
        Assert.Empty(document.Readers);
        Assert.Empty(document.Degraded);
        Assert.Null(document.CameraFramesPerSecond);
    }

    [Fact]
    public void Build_FaceStats_CopiesAggregateCountersIntoHealth()
    {
        var stats = new FacePipelineStats(15.0, 50.0, 90.0, ["m1"])
        {
            FramesProcessed = 9000,
            FacesSeen = 1200,
            Matched = 700,
            Unmatched = 300,
            RejectedByQuality = 150,
            RejectedByLiveness = 50,
            CameraHealthy = false,
        };

        var document = Builder(new HealthDocumentSources { Face = () => stats }).Build();

        Assert.Equal(
            new HealthFaceCounters { FramesProcessed = 9000, FacesSeen = 1200, Matched = 700, Unmatched = 300, RejectedByQuality = 150, RejectedByLiveness = 50, CameraHealthy = false },
            document.FaceCounters);
    }

    [Fact]
    public void Build_NoFaceSource_NoFaceCounters() =>
        Assert.Null(Builder(new HealthDocumentSources()).Build().FaceCounters);

    [Fact]
    public void Build_FaceStats_CountersSerializedAsAggregatesOnly()
    {
        var stats = new FacePipelineStats(null, null, null, []) { FramesProcessed = 3, Matched = 1 };
        var document = Builder(new HealthDocumentSources { Face = () => stats }).Build();

        var json = JsonSerializer.Serialize(document, TelemetryJsonContext.Default.HealthDocument);

        using var parsed = JsonDocument.Parse(json);
        var counters = parsed.RootElement.GetProperty("faceCounters");
        Assert.Equal(3, counters.GetProperty("framesProcessed").GetInt64());
        Assert.Equal(1, counters.GetProperty("matched").GetInt64());
        Assert.Equal(
            ["cameraHealthy", "facesSeen", "framesProcessed", "matched", "rejectedByLiveness", "rejectedByQuality", "unmatched"],
            counters.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_AllSources_AssemblesEveryPart()
    {
        var lastFrame = Now.AddSeconds(-5);
        var sources = new HealthDocumentSources
        {
            StoreCounts = () => new HealthStoreCounts { Residents = 420, Cards = 510, FaceTemplates = 300, ActiveConsents = 290 },
            Readers = () => [new ReaderHealth("front", ReaderState.Ok, lastFrame, 1200, 3, "bad parity")],
            Door = () => new HealthDoorState { Locked = true, Open = false, FireAlarm = false, Tamper = true },
            Face = () => new FacePipelineStats(14.8, 82.0, 131.5, ["scrfd-2.5g-v1", "arcface-r50-v2"]),
            Degraded = () => [new HealthSubsystem("camera", "frame timeout", lastFrame)],
        };

        var document = Builder(sources).Build();

        Assert.Equal(420, document.Store.Residents);
        Assert.Equal(290, document.Store.ActiveConsents);
        var reader = Assert.Single(document.Readers);
        Assert.Equal(new HealthReader("front", ReaderState.Ok, lastFrame, 1200, 3, "bad parity"), reader);
        Assert.True(document.Door.Tamper);
        Assert.Equal(14.8, document.CameraFramesPerSecond);
        Assert.Equal(82.0, document.FaceLatencyP50Milliseconds);
        Assert.Equal(131.5, document.FaceLatencyP95Milliseconds);
        Assert.Equal(["scrfd-2.5g-v1", "arcface-r50-v2"], document.ModelIds);
        Assert.Equal(new HealthSubsystem("camera", "frame timeout", lastFrame), Assert.Single(document.Degraded));
    }

    [Theory]
    [InlineData(0, FaceTemplateScaleLevel.None, false)]
    [InlineData(79_999, FaceTemplateScaleLevel.None, false)]
    [InlineData(80_000, FaceTemplateScaleLevel.Warning, false)]
    [InlineData(99_999, FaceTemplateScaleLevel.Warning, false)]
    [InlineData(100_000, FaceTemplateScaleLevel.Limit, true)]
    [InlineData(150_000, FaceTemplateScaleLevel.Limit, true)]
    public void Build_FaceTemplates_WarnsAt80AndLimitsAt100Percent(int templates, FaceTemplateScaleLevel level, bool degraded)
    {
        var document = Builder(new HealthDocumentSources { StoreCounts = () => new HealthStoreCounts { FaceTemplates = templates } }).Build();

        Assert.Equal(level, document.Store.FaceTemplateLevel);
        Assert.Equal(level != FaceTemplateScaleLevel.None, document.Store.FaceTemplateWarning is not null);
        Assert.Equal(FaceTemplateScale.Evaluate(templates).Message, document.Store.FaceTemplateWarning);
        Assert.Equal(degraded, document.Degraded.Any(d => d.Name == HealthDocumentBuilder.FaceTemplateSubsystem));
    }

    [Fact]
    public void Build_FaceTemplateWarning_InPublishedJson()
    {
        var document = Builder(new HealthDocumentSources { StoreCounts = () => new HealthStoreCounts { FaceTemplates = 85_000 } }).Build();

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(document, TelemetryJsonContext.Default.HealthDocument));
        var store = json.RootElement.GetProperty("store");

        Assert.Equal("Warning", store.GetProperty("faceTemplateLevel").GetString());
        Assert.Contains("85000", store.GetProperty("faceTemplateWarning").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProbeProblems_ListedAsDegradedProbe()
    {
        var facts = Facts with { Uptime = null, Problems = ["/proc/uptime is empty", "/proc/loadavg unreadable: FileNotFoundException"] };

        var document = Builder(new HealthDocumentSources(), facts).Build();

        Assert.Null(document.SystemUptimeSeconds);
        var probe = Assert.Single(document.Degraded);
        Assert.Equal(HealthDocumentBuilder.ProbeSubsystem, probe.Name);
        Assert.Equal("/proc/uptime is empty; /proc/loadavg unreadable: FileNotFoundException", probe.LastError);
    }

    [Fact]
    public void Build_SourceThrows_OtherPartsStillFilledAndMessageNotPublished()
    {
        var sources = new HealthDocumentSources
        {
            StoreCounts = () => throw new InvalidOperationException("resident Zhang San row corrupt"),
            Door = () => new HealthDoorState { Locked = false, FireAlarm = true },
            Readers = () => throw new IOException("card DEADBEEF"),
        };

        var document = Builder(sources).Build();
        var json = JsonSerializer.Serialize(document, TelemetryJsonContext.Default.HealthDocument);

        Assert.True(document.Door.FireAlarm);
        Assert.Equal(0, document.Store.Residents);
        Assert.Empty(document.Readers);
        Assert.Equal(["store", "readers"], document.Degraded.Select(d => d.Name));
        Assert.Equal("health source failed: InvalidOperationException", document.Degraded[0].LastError);
        Assert.Equal(Now, document.Degraded[0].Since);
        Assert.DoesNotContain("Zhang", json, StringComparison.Ordinal);
        Assert.DoesNotContain("DEADBEEF", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FaceSourceReturnsNull_FaceFieldsEmpty()
    {
        var document = Builder(new HealthDocumentSources { Face = () => null }).Build();

        Assert.Null(document.CameraFramesPerSecond);
        Assert.Null(document.FaceLatencyP95Milliseconds);
        Assert.Empty(document.ModelIds);
    }

    [Fact]
    public void Build_OverRealProbe_UsesFakeRoot()
    {
        using var root = new FakeSystemRoot().WithHealthyProc().WithThermalZone(0, "cpu-thermal", "47000");
        var probe = new SystemHealthProbe(new SystemHealthProbeOptions { RootPath = root.Path, DataDirectory = root.Path, ReadClockState = false });

        var document = new HealthDocumentBuilder(probe, new HealthDocumentSources(), new FakeTimeProvider(Now)).Build();

        Assert.Equal(86400, document.SystemUptimeSeconds);
        Assert.Equal(47.0, document.CpuTemperatureCelsius);
        Assert.Null(document.ClockSynchronized);
        Assert.Empty(document.Degraded);
    }
}
