using GateController.Cli.Diag;

namespace GateController.Cli.Tests.Diag;

public sealed class DiagTopicTests
{
    [Theory]
    [InlineData("gatecontroller/gate-1/status", "gate-1", "Status")]
    [InlineData("gatecontroller/gate-1/health", "gate-1", "Health")]
    [InlineData("gatecontroller/North_2/events", "North_2", "Event")]
    public void TryParse_UnitTopic_UnitAndKind(string topic, string unit, string kind)
    {
        Assert.True(DiagTopic.TryParse(topic, out var parsedUnit, out var parsedKind));
        Assert.Equal(unit, parsedUnit);
        Assert.Equal(Enum.Parse<DiagDocumentKind>(kind), parsedKind);
    }

    [Theory]
    [InlineData("gatecontroller/gate-1/cmd/ping")]
    [InlineData("gatecontroller/gate-1/reply/ping")]
    [InlineData("gatecontroller/gate-1")]
    [InlineData("gatecontroller//health")]
    [InlineData("gatecontroller/gate 1/health")]
    [InlineData("other/gate-1/health")]
    [InlineData("gatecontroller/gate-1/health/extra")]
    public void TryParse_OtherTopic_False(string topic) => Assert.False(DiagTopic.TryParse(topic, out _, out _));

    [Fact]
    public void Subscriptions_OneUnit_ItsThreeTopics() =>
        Assert.Equal(["gatecontroller/gate-1/status", "gatecontroller/gate-1/health", "gatecontroller/gate-1/events"], DiagTopic.Subscriptions("gate-1"));

    [Fact]
    public void Subscriptions_AllUnits_SingleLevelWildcard() =>
        Assert.All(DiagTopic.Subscriptions(null), topic => Assert.StartsWith("gatecontroller/+/", topic, StringComparison.Ordinal));
}
