using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Readers;
using GateController.Simulation.Scenarios;

namespace GateController.Simulation.Access;

/// <summary>
/// One simulated door put together from the access core: the product's <see cref="AccessGate"/> decides each
/// credential over the <see cref="SimulatedAccessDirectory"/> (lookup, keypad lockout, policy, visitor code uses,
/// card+PIN), and the <see cref="DoorStateMachine"/> gets its feedback (grant, deny, locked out).
/// </summary>
public sealed class SimulatedGate
{
    private readonly AccessGate _gate;
    private readonly DoorStateMachine _door;

    /// <summary>Creates the gate.</summary>
    /// <param name="directory">Residents and credentials.</param>
    /// <param name="defaultPolicy">The door's policy for residents without an access group and for unknown credentials.</param>
    /// <param name="groupPolicies">The door's policy per access group; a resident in a group without one is refused.</param>
    /// <param name="door">The door the decisions drive.</param>
    /// <param name="timeProvider">The clock decisions and lockouts run on.</param>
    /// <param name="pinAttempts">Keypad lockout settings; validated.</param>
    /// <param name="pinAfterCardTimeout">How long a card waits for its PIN at a card+PIN door.</param>
    /// <exception cref="ArgumentException">A policy governs another door, a group lacks a policy, or a setting is invalid.</exception>
    public SimulatedGate(
        SimulatedAccessDirectory directory,
        DoorPolicy defaultPolicy,
        IReadOnlyDictionary<string, DoorPolicy> groupPolicies,
        DoorStateMachine door,
        TimeProvider timeProvider,
        PinAttemptOptions pinAttempts,
        TimeSpan pinAfterCardTimeout)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(defaultPolicy);
        ArgumentNullException.ThrowIfNull(groupPolicies);
        ArgumentNullException.ThrowIfNull(door);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pinAfterCardTimeout, TimeSpan.Zero);
        foreach (var resident in directory.Residents)
        {
            if (directory.AccessGroupOf(resident.Id) is { } group && !groupPolicies.ContainsKey(group))
            {
                throw new ArgumentException($"resident {resident.Id} is in access group '{group}', which has no policy", nameof(groupPolicies));
            }
        }

        _gate = new AccessGate(
            directory,
            new AccessGateOptions
            {
                DefaultPolicy = defaultPolicy,
                GroupPolicies = groupPolicies,
                PinAttempts = pinAttempts,
                PinAfterCardTimeout = pinAfterCardTimeout,
            },
            timeProvider);
        _door = door;
    }

    /// <summary>The door this gate governs.</summary>
    public DoorId DoorId => _gate.DoorId;

    /// <summary>The door state machine the decisions drive.</summary>
    public DoorStateMachine Door => _door;

    /// <summary>The product's access gate this simulated door decides with.</summary>
    public AccessGate AccessGate => _gate;

    /// <summary>Decides on <paramref name="credential"/> and gives the door its feedback.</summary>
    public ScenarioDecision Present(CredentialPresented credential)
    {
        var decision = Decide(credential);
        decision.DriveDoor(_door);
        return decision;
    }

    /// <summary>
    /// Decides on <paramref name="credential"/> without touching the door: the decision, the alarms it raised, and the
    /// directory updated (a visitor code's use counted, a card+PIN card waiting for its PIN).
    /// </summary>
    public ScenarioDecision Decide(CredentialPresented credential)
    {
        var decision = _gate.Decide(credential);
        return new ScenarioDecision(decision.Decision, decision.Alarms);
    }
}
