namespace GateController.EndToEnd.Tests.Gate;

/// <summary>The test classes that share one running gatecontrollerd --simulate (one at a time: they share its board).</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedGateGroup : ICollectionFixture<SimulatedGatecontrollerd>
{
    public const string Name = "simulated gatecontrollerd";
}
