namespace GateController.Service.Simulation;

/// <summary>One access decision seen on the simulated board, without any secret.</summary>
/// <param name="Method">How the person identified themselves: "card", "pin", "visitor-code", "face", "card+pin", "card+face".</param>
/// <param name="Granted">Whether the door opened.</param>
/// <param name="Reason">The reason code, as in access events and MQTT (e.g. "granted", "unknown-credential", "locked-out").</param>
/// <param name="Resident">The resident's pseudonymous id when one was identified, otherwise null.</param>
public sealed record SimulatedDecision(string Method, bool Granted, string Reason, string? Resident);
