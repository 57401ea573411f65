using GateController.Telemetry.Health;

namespace GateController.Telemetry.Tests.Health;

public sealed class ProcFileParsersTests
{
    private const string RaspberryPiMemInfo = """
        MemTotal:        3884132 kB
        MemFree:         2371624 kB
        MemAvailable:    3215908 kB
        Buffers:           62748 kB
        Cached:           836772 kB
        SwapCached:            0 kB
        Active:           592432 kB
        HugePages_Total:       0
        Hugepagesize:       2048 kB
        """;

    private const string SelfStatus = """
        Name:	GateController.
        Umask:	0022
        State:	S (sleeping)
        Tgid:	1234
        VmPeak:	 3411304 kB
        VmSize:	 3345768 kB
        VmHWM:	   98312 kB
        VmRSS:	   91240 kB
        RssAnon:	   40100 kB
        Threads:	24
        """;

    [Theory]
    [InlineData("12345.67 54321.00\n", 12345.67)]
    [InlineData("0.00 0.00", 0.0)]
    [InlineData("  987654.32   1.00  ", 987654.32)]
    [InlineData("350.5", 350.5)]
    public void TryParseUptime_WellFormed_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(ProcFileParsers.TryParseUptime(text, out var uptime, out var error), error);
        Assert.Equal(seconds, uptime.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc 12.0")]
    [InlineData("-5.0 1.0")]
    [InlineData("NaN 1.0")]
    [InlineData("1e999 1.0")]
    [InlineData("12,5 3")]
    public void TryParseUptime_Malformed_FalseWithReason(string? text)
    {
        Assert.False(ProcFileParsers.TryParseUptime(text, out _, out var error));
        Assert.Contains("/proc/uptime", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.52 0.58 0.59 1/389 12345\n", 0.52)]
    [InlineData("3.10 2.05 1.00 4/512 999", 3.10)]
    [InlineData("0.00 0.00 0.00 1/80 1", 0.0)]
    public void TryParseLoadAverage_WellFormed_ReturnsOneMinute(string text, double expected)
    {
        Assert.True(ProcFileParsers.TryParseLoadAverage(text, out var load, out var error), error);
        Assert.Equal(expected, load, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.52 0.58")]
    [InlineData("x 0.58 0.59 1/389 12345")]
    [InlineData("-1.0 0.58 0.59 1/389 12345")]
    public void TryParseLoadAverage_Malformed_FalseWithReason(string text)
    {
        Assert.False(ProcFileParsers.TryParseLoadAverage(text, out _, out var error));
        Assert.Contains("/proc/loadavg", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseMemoryInfo_RaspberryPiSample_ReturnsTotalAndAvailableBytes()
    {
        Assert.True(ProcFileParsers.TryParseMemoryInfo(RaspberryPiMemInfo, out var total, out var available, out var error), error);
        Assert.Equal(3884132L * 1024, total);
        Assert.Equal(3215908L * 1024, available);
    }

    [Theory]
    [InlineData("MemFree: 100 kB\nMemAvailable: 50 kB", "MemTotal")]
    [InlineData("MemTotal: 100 kB\nMemFree: 50 kB", "MemAvailable")]
    [InlineData("MemTotal: lots kB\nMemAvailable: 50 kB", "MemTotal")]
    [InlineData("MemTotal: 100 MB\nMemAvailable: 50 kB", "MemTotal")]
    [InlineData("MemTotal: 100\nMemAvailable: 50 kB", "MemTotal")]
    [InlineData("MemTotal: -100 kB\nMemAvailable: 50 kB", "MemTotal")]
    [InlineData("MemTotal: 100 kB\nMemAvailable: 500 kB", "larger")]
    [InlineData("MemTotal: 99999999999999999999 kB\nMemAvailable: 5 kB", "MemTotal")]
    [InlineData("", "MemTotal")]
    public void TryParseMemoryInfo_Malformed_FalseWithReason(string text, string mentioned)
    {
        Assert.False(ProcFileParsers.TryParseMemoryInfo(text, out _, out _, out var error));
        Assert.Contains(mentioned, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseProcessResidentBytes_StatusSample_ReturnsVmRss()
    {
        Assert.True(ProcFileParsers.TryParseProcessResidentBytes(SelfStatus, out var resident, out var error), error);
        Assert.Equal(91240L * 1024, resident);
    }

    [Theory]
    [InlineData("Name:\tx\nVmSize:\t 100 kB\n")]
    [InlineData("VmRSS:\t abc kB\n")]
    [InlineData("\0\u0001\u0002binary")]
    public void TryParseProcessResidentBytes_Malformed_FalseWithReason(string text)
    {
        Assert.False(ProcFileParsers.TryParseProcessResidentBytes(text, out _, out var error));
        Assert.Contains("VmRSS", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("48312\n", 48.312)]
    [InlineData("0", 0.0)]
    [InlineData("-5000", -5.0)]
    [InlineData("85000", 85.0)]
    public void TryParseThermalMillidegrees_WellFormed_ReturnsCelsius(string text, double celsius)
    {
        Assert.True(ProcFileParsers.TryParseThermalMillidegrees(text, out var value, out var error), error);
        Assert.Equal(celsius, value, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("48.3")]
    [InlineData("hot")]
    [InlineData("48312 51000")]
    [InlineData("-300000")]
    [InlineData("99999999999999999999")]
    public void TryParseThermalMillidegrees_Malformed_FalseWithReason(string text)
    {
        Assert.False(ProcFileParsers.TryParseThermalMillidegrees(text, out _, out var error));
        Assert.Contains("thermal zone", error, StringComparison.Ordinal);
    }
}
