using GateController.Service.Systemd;

namespace GateController.Service.Tests.Systemd;

public sealed class WatchdogOptionsTests
{
    private const int ThisProcess = 1000;

    [Theory]
    [InlineData("10000000", null, 10_000)]
    [InlineData("10000000", "1000", 10_000)]
    [InlineData("3000000", "", 3_000)]
    [InlineData("500", null, 0.5)]
    public void TryFromEnvironment_EnabledForThisProcess_ReadsInterval(string intervalMicroseconds, string? processId, double expectedMilliseconds)
    {
        var found = WatchdogOptions.TryFromEnvironment(Environment(intervalMicroseconds, processId), ThisProcess, out var options);

        Assert.True(found);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options!.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds / 2), options.PingInterval);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("ten", null)]
    [InlineData("10s", null)]
    [InlineData("99999999999999999999999", null)]
    [InlineData("10000000", "999")]
    [InlineData("10000000", "pid")]
    public void TryFromEnvironment_UnsetInvalidOrOtherProcess_ReturnsFalse(string? intervalMicroseconds, string? processId)
    {
        var found = WatchdogOptions.TryFromEnvironment(Environment(intervalMicroseconds, processId), ThisProcess, out var options);

        Assert.False(found);
        Assert.Null(options);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(10_000, 0)]
    public void Validate_Interval_ReportsTooShort(int intervalMilliseconds, int expectedProblems)
    {
        var problems = new WatchdogOptions { Interval = TimeSpan.FromMilliseconds(intervalMilliseconds) }.Validate();

        Assert.Equal(expectedProblems, problems.Count);
        Assert.All(problems, problem => Assert.Contains("Watchdog.Interval", problem, StringComparison.Ordinal));
    }

    private static Func<string, string?> Environment(string? intervalMicroseconds, string? processId) =>
        name => name switch
        {
            WatchdogOptions.IntervalVariable => intervalMicroseconds,
            WatchdogOptions.ProcessIdVariable => processId,
            _ => null,
        };
}
