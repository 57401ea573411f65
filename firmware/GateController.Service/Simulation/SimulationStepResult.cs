namespace GateController.Service.Simulation;

/// <summary>What one simulated action led to.</summary>
/// <param name="Decisions">The access decisions the door path made because of the action, in order (none for a face nobody matched).</param>
/// <param name="DoorEvents">The door's state changes and alarms during the action, as their event names (e.g. "Unlocked", "HeldOpen", "FireReleased").</param>
/// <param name="State">The board after the action.</param>
public sealed record SimulationStepResult(
    IReadOnlyList<SimulatedDecision> Decisions,
    IReadOnlyList<string> DoorEvents,
    SimulatedBoardState State);
