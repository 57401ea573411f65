using GateController.Core.Access;

namespace GateController.Simulation.Access;

/// <summary>What <see cref="SimulatedAccessDirectory.Resolve"/> made of a reader's credential: the core's view of it.</summary>
/// <param name="Presented">What was presented, without the secret: a card, a PIN, a visitor code, or a card followed by a PIN.</param>
/// <param name="Lookup">What the directory found (the keypad lockout is the gate's to add).</param>
/// <param name="AccessGroup">The access group of the credential's holder, or null for the default group and unknown credentials.</param>
public readonly record struct SimulatedResolution(PresentedCredential Presented, CredentialLookup Lookup, string? AccessGroup);
