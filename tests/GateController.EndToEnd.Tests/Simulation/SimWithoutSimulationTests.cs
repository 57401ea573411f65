using GateController.Cli;

namespace GateController.EndToEnd.Tests.Simulation;

/// <summary>The sim commands when gatecontrollerd does not run with --simulate.</summary>
public sealed class SimWithoutSimulationTests
{
    [Theory]
    [InlineData("card", "2A3039")]
    [InlineData("keys", "1234#")]
    [InlineData("face", "none")]
    [InlineData("input", "fire", "on")]
    [InlineData("state")]
    public async Task Sim_NotSimulating_RefusedNamingSimulateAndAudited(params string[] args)
    {
        await using var unit = new SimulatedUnit(simulating: false);

        var (status, output, error) = await unit.GatectlAsync(["sim", .. args, "--operator", SimulatedUnit.Installer]);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Equal(string.Empty, output);
        Assert.Equal("gatectl: simulation commands need gatecontrollerd --simulate", error.TrimEnd());
        Assert.Contains(unit.AuditDetails, d => d.StartsWith("refused sim.", StringComparison.Ordinal) && d.EndsWith("not simulating", StringComparison.Ordinal));
    }
}
