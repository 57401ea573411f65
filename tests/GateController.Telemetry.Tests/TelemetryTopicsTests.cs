namespace GateController.Telemetry.Tests;

public sealed class TelemetryTopicsTests
{
    [Theory]
    [InlineData("gatecontroller/u1/cmd/ping", "ping")]
    [InlineData("gatecontroller/u1/cmd/door-release", "door-release")]
    [InlineData("gatecontroller/u1/cmd/", null)]
    [InlineData("gatecontroller/u1/cmd/a/b", null)]
    [InlineData("gatecontroller/u2/cmd/ping", null)]
    [InlineData("gatecontroller/u1/reply/ping", null)]
    public void CommandName_Topic_ExtractsNameOrNull(string topic, string? expected) =>
        Assert.Equal(expected, new TelemetryTopics("u1").CommandName(topic));

    [Fact]
    public void Topics_Unit_FollowTheDocumentedLayout()
    {
        var topics = new TelemetryTopics("gate-7");

        Assert.Equal("gatecontroller/gate-7/status", topics.Status);
        Assert.Equal("gatecontroller/gate-7/health", topics.Health);
        Assert.Equal("gatecontroller/gate-7/events", topics.Events);
        Assert.Equal("gatecontroller/gate-7/cmd/+", topics.CommandFilter);
        Assert.Equal("gatecontroller/gate-7/reply/ping", topics.Reply("ping"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a+")]
    [InlineData("#")]
    public void Constructor_UnitIdNotTopicSafe_Throws(string unitId) =>
        Assert.Throws<ArgumentException>(() => new TelemetryTopics(unitId));
}
