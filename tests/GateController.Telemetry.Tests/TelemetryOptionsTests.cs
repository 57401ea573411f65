using GateController.Telemetry.Commands;

namespace GateController.Telemetry.Tests;

public sealed class TelemetryOptionsTests
{
    [Fact]
    public void Validate_Defaults_WithUnitId_NoProblems() =>
        Assert.Empty(new TelemetryOptions { UnitId = "u1" }.Validate());

    [Fact]
    public void Validate_ManyProblems_ReportsEachNamingTheSetting()
    {
        var options = new TelemetryOptions
        {
            UnitId = "bad/id",
            BrokerPort = 0,
            KeepAliveSeconds = 1,
            Password = "p",
            TlsCertificateFile = "c.pem",
            EventQueueCapacity = 1,
        };
        options.Technicians.Add(new TechnicianKey { TechnicianId = "t1", Key = new byte[8] });

        var problems = options.Validate();

        foreach (var setting in new[] { "UnitId", "BrokerPort", "KeepAliveSeconds", "Password", "TlsKeyFile", "TlsCaFile", "EventQueueCapacity", "Key" })
        {
            Assert.Contains(problems, p => p.Contains(setting, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_DuplicateTechnician_Reported()
    {
        var options = new TelemetryOptions { UnitId = "u1" };
        options.Technicians.Add(new TechnicianKey { TechnicianId = "t1", Key = new byte[32] });
        options.Technicians.Add(new TechnicianKey { TechnicianId = "t1", Key = new byte[32] });

        Assert.Single(options.Validate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(20)]
    public void Validate_BackgroundThreadNiceOutOfRange_ReportedNamingIt(int nice)
    {
        var problems = new TelemetryOptions { UnitId = "u1", BackgroundThreadNice = nice }.Validate();

        Assert.Contains(problems, p => p.Contains(nameof(TelemetryOptions.BackgroundThreadNice), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Validate_EventBatchIntervalOutOfRange_ReportedNamingIt(int milliseconds)
    {
        var problems = new TelemetryOptions { UnitId = "u1", EventBatchInterval = TimeSpan.FromMilliseconds(milliseconds) }.Validate();

        Assert.Contains(problems, p => p.Contains(nameof(TelemetryOptions.EventBatchInterval), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(19, 1000)]
    public void Validate_PriorityAndBatchAtTheirLimits_NoProblems(int nice, int batchMilliseconds) =>
        Assert.Empty(new TelemetryOptions { UnitId = "u1", BackgroundThreadNice = nice, EventBatchInterval = TimeSpan.FromMilliseconds(batchMilliseconds) }.Validate());
}
