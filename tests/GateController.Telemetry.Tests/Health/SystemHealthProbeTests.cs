using GateController.Telemetry.Health;

namespace GateController.Telemetry.Tests.Health;

public sealed class SystemHealthProbeTests
{
    private static SystemHealthProbe Probe(FakeSystemRoot root, Func<bool>? clock = null, bool readClock = true) =>
        new(new SystemHealthProbeOptions { RootPath = root.Path, DataDirectory = root.Path, ReadClockState = readClock }, clock ?? (() => true));

    [Fact]
    public void Read_HealthyFiles_ReturnsEveryFactWithoutProblems()
    {
        using var root = new FakeSystemRoot().WithHealthyProc().WithThermalZone(0, "cpu-thermal", "48312");

        var facts = Probe(root).Read();

        Assert.Empty(facts.Problems);
        Assert.Equal(TimeSpan.FromSeconds(86400.25), facts.Uptime);
        Assert.Equal(0.42, facts.LoadAverage1Minute);
        Assert.Equal(3884132L * 1024, facts.MemoryTotalBytes);
        Assert.Equal(3215908L * 1024, facts.MemoryAvailableBytes);
        Assert.Equal(91240L * 1024, facts.ProcessResidentBytes);
        Assert.Equal(48.312, facts.CpuTemperatureCelsius);
        Assert.True(facts.DiskFreeBytes > 0);
        Assert.True(facts.ClockSynchronized);
        Assert.Equal(SystemHealthProbe.FirmwareVersion, facts.FirmwareVersion);
    }

    [Fact]
    public void Read_SeveralZones_PrefersCpuThermal()
    {
        using var root = new FakeSystemRoot().WithHealthyProc()
            .WithThermalZone(0, "acpitz", "30000")
            .WithThermalZone(1, "cpu-thermal", "61500")
            .WithThermalZone(2, "gpu-thermal", "70000");

        Assert.Equal(61.5, Probe(root).Read().CpuTemperatureCelsius);
    }

    [Fact]
    public void Read_NoCpuThermalZone_UsesLowestNumberedZone()
    {
        using var root = new FakeSystemRoot().WithHealthyProc()
            .WithThermalZone(10, "x86_pkg_temp", "70000")
            .WithThermalZone(2, "acpitz", "35000")
            .WithThermalZone(3, "pch", "40000");

        Assert.Equal(35.0, Probe(root).Read().CpuTemperatureCelsius);
    }

    [Fact]
    public void Read_NoThermalZones_TemperatureNullAndNoProblem()
    {
        using var root = new FakeSystemRoot().WithHealthyProc();

        var facts = Probe(root).Read();

        Assert.Null(facts.CpuTemperatureCelsius);
        Assert.Empty(facts.Problems);
    }

    [Fact]
    public void Read_MissingAndMalformedFiles_NullFactsWithProblems()
    {
        using var root = new FakeSystemRoot()
            .With("proc/uptime", "garbage")
            .With("proc/meminfo", "MemTotal: 10 kB\n")
            .With("proc/self/status", "\u0001\u0002")
            .WithThermalZone(0, "cpu-thermal", "very hot");

        var facts = Probe(root).Read();

        Assert.Null(facts.Uptime);
        Assert.Null(facts.LoadAverage1Minute);
        Assert.Null(facts.MemoryTotalBytes);
        Assert.Null(facts.MemoryAvailableBytes);
        Assert.Null(facts.ProcessResidentBytes);
        Assert.Null(facts.CpuTemperatureCelsius);
        Assert.Contains(facts.Problems, p => p.Contains("/proc/uptime", StringComparison.Ordinal));
        Assert.Contains(facts.Problems, p => p.Contains("/proc/loadavg unreadable", StringComparison.Ordinal));
        Assert.Contains(facts.Problems, p => p.Contains("MemAvailable", StringComparison.Ordinal));
        Assert.Contains(facts.Problems, p => p.Contains("VmRSS", StringComparison.Ordinal));
        Assert.Contains(facts.Problems, p => p.Contains("thermal zone", StringComparison.Ordinal));
        Assert.Equal(5, facts.Problems.Count);
    }

    [Fact]
    public void Read_DataDirectoryMissing_DiskFreeNullWithProblem()
    {
        using var root = new FakeSystemRoot().WithHealthyProc();
        var missing = Path.Combine(root.Path, "no-such-data");
        var probe = new SystemHealthProbe(new SystemHealthProbeOptions { RootPath = root.Path, DataDirectory = missing }, () => true);

        var facts = probe.Read();

        Assert.Null(facts.DiskFreeBytes);
        Assert.Contains(facts.Problems, p => p.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ClockUnsynchronized_ReportsFalse()
    {
        using var root = new FakeSystemRoot().WithHealthyProc();

        Assert.False(Probe(root, () => false).Read().ClockSynchronized);
    }

    [Fact]
    public void Read_ClockReadFails_NullWithProblem()
    {
        using var root = new FakeSystemRoot().WithHealthyProc();

        var facts = Probe(root, () => throw new IOException("adjtimex failed: errno 1 (Operation not permitted)")).Read();

        Assert.Null(facts.ClockSynchronized);
        Assert.Contains("adjtimex failed: errno 1 (Operation not permitted)", facts.Problems);
    }

    [Fact]
    public void Read_ClockStateDisabled_NullWithoutCallingIt()
    {
        using var root = new FakeSystemRoot().WithHealthyProc();
        var called = false;

        var facts = Probe(root, () => called = true, readClock: false).Read();

        Assert.Null(facts.ClockSynchronized);
        Assert.False(called);
    }

    [Fact]
    public void Read_RealSystem_ReadsProcFacts()
    {
        var probe = new SystemHealthProbe(new SystemHealthProbeOptions { DataDirectory = Path.GetTempPath() });

        var facts = probe.Read();

        Assert.True(facts.Uptime > TimeSpan.Zero);
        Assert.True(facts.MemoryTotalBytes > 0);
        Assert.True(facts.ProcessResidentBytes > 0);
        Assert.True(facts.DiskFreeBytes > 0);
        Assert.NotNull(facts.ClockSynchronized);
    }

    [Fact]
    public void FirmwareVersion_IsBuildVersion() =>
        Assert.StartsWith(typeof(SystemHealthProbe).Assembly.GetName().Version!.ToString(3), SystemHealthProbe.FirmwareVersion, StringComparison.Ordinal);

    [Theory]
    [InlineData("", "/data", "RootPath")]
    [InlineData("relative", "/data", "RootPath")]
    [InlineData("/", "", "DataDirectory")]
    [InlineData("/", "data", "DataDirectory")]
    public void Validate_BadPath_NamesSetting(string root, string data, string setting)
    {
        var problems = new SystemHealthProbeOptions { RootPath = root, DataDirectory = data }.Validate();

        Assert.Single(problems);
        Assert.Contains(setting, problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothBad_ReportsEach() =>
        Assert.Equal(2, new SystemHealthProbeOptions { RootPath = "x", DataDirectory = "y" }.Validate().Count);

    [Fact]
    public void Constructor_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentException>(() => new SystemHealthProbe(new SystemHealthProbeOptions { RootPath = "x" }));
}
