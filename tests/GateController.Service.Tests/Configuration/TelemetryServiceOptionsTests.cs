using GateController.Service.Configuration;

namespace GateController.Service.Tests.Configuration;

public sealed class TelemetryServiceOptionsTests
{
    [Fact]
    public void ToTelemetryOptions_PublishingSettings_CarriedOver()
    {
        var options = new TelemetryServiceOptions { Enabled = true, BackgroundThreadNice = 15, EventBatchInterval = TimeSpan.FromMilliseconds(40) };

        var telemetry = options.ToTelemetryOptions("gate-1", "1.0.0");

        Assert.Equal(15, telemetry.BackgroundThreadNice);
        Assert.Equal(TimeSpan.FromMilliseconds(40), telemetry.EventBatchInterval);
    }

    [Fact]
    public void Defaults_MatchTheTelemetry_ReconnectAtMostTwoSeconds()
    {
        var service = new TelemetryServiceOptions().ToTelemetryOptions("gate-1", "1.0.0");
        var telemetry = new GateController.Telemetry.TelemetryOptions();

        Assert.Equal(telemetry.ReconnectDelayMaximum, service.ReconnectDelayMaximum);
        Assert.Equal(telemetry.BackgroundThreadNice, service.BackgroundThreadNice);
        Assert.Equal(telemetry.EventBatchInterval, service.EventBatchInterval);
    }

    [Theory]
    [InlineData(20, 10, "BackgroundThreadNice")]
    [InlineData(-1, 10, "BackgroundThreadNice")]
    [InlineData(10, 1500, "EventBatchInterval")]
    public void Validate_PublishingSettingOutOfRange_ProblemNamesIt(int nice, int batchMilliseconds, string setting)
    {
        var options = new TelemetryServiceOptions
        {
            Enabled = true,
            BackgroundThreadNice = nice,
            EventBatchInterval = TimeSpan.FromMilliseconds(batchMilliseconds),
        };

        var problem = Assert.Single(options.Validate());

        Assert.Contains(setting, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Disabled_NoProblemsWhateverTheSettings()
    {
        var options = new TelemetryServiceOptions { BackgroundThreadNice = 40 };

        Assert.Empty(options.Validate());
    }
}
