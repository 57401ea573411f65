using GateController.Simulation.Scenarios;

namespace GateController.Hardware.Tests.Simulation;

public sealed class ScenarioDecisionTests
{
    [Theory]
    [InlineData("granted", true, false, "")]
    [InlineData("  granted ", true, false, "")]
    [InlineData("denied: unknown credential", false, false, "unknown credential")]
    [InlineData("denied:expired", false, false, "expired")]
    [InlineData("denied: locked out", false, true, "locked out")]
    public void Parse_ValidLine_ReadsOutcome(string line, bool granted, bool lockedOut, string reason)
    {
        var decision = ScenarioDecision.Parse(line);

        Assert.Equal(granted, decision.Granted);
        Assert.Equal(lockedOut, decision.LockedOut);
        Assert.Equal(reason, decision.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("grant")]
    [InlineData("denied")]
    [InlineData("denied:   ")]
    [InlineData("Granted")]
    public void Parse_InvalidLine_ThrowsFormat(string line) =>
        Assert.Throws<FormatException>(() => ScenarioDecision.Parse(line));
}
