namespace GateController.Simulation.Scenarios;

/// <summary>What a scenario run printed and whether every expectation held.</summary>
/// <param name="Lines">Every timeline line printed, in order.</param>
/// <param name="Failures">One line per expectation that did not hold; empty when the run passed.</param>
public sealed record ScenarioResult(IReadOnlyList<string> Lines, IReadOnlyList<string> Failures)
{
    /// <summary>Whether every expected outcome happened.</summary>
    public bool Passed => Failures.Count == 0;
}
