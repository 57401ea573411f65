using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.Readers;
using GateController.Simulation.Scenarios;

namespace GateController.Simulation.Access;

/// <summary>
/// One simulated door put together from the access core: for each credential a reader delivers it asks the
/// <see cref="SimulatedAccessDirectory"/> what was presented, adds the keypad lockout from the
/// <see cref="PinAttemptTracker"/>, lets <see cref="AccessPolicy.Decide"/> judge it under the holder's door policy,
/// records the attempt (lockout and duress alarms), counts a visitor code's use, and gives the
/// <see cref="DoorStateMachine"/> its feedback (grant, deny, locked out).
/// </summary>
public sealed class SimulatedGate
{
    private readonly SimulatedAccessDirectory _directory;
    private readonly DoorPolicy _defaultPolicy;
    private readonly IReadOnlyDictionary<string, DoorPolicy> _groupPolicies;
    private readonly DoorStateMachine _door;
    private readonly TimeProvider _timeProvider;
    private readonly PinAttemptTracker _pinAttempts;
    private readonly TimeSpan _pinAfterCardTimeout;

    /// <summary>Creates the gate.</summary>
    /// <param name="directory">Residents and credentials.</param>
    /// <param name="defaultPolicy">The door's policy for residents without an access group and for unknown credentials.</param>
    /// <param name="groupPolicies">The door's policy per access group; every group in the directory needs one.</param>
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
        foreach (var (group, policy) in groupPolicies)
        {
            if (policy.DoorId != defaultPolicy.DoorId)
            {
                throw new ArgumentException($"the policy of group '{group}' governs {policy.DoorId}, not {defaultPolicy.DoorId}", nameof(groupPolicies));
            }
        }

        foreach (var resident in directory.Residents)
        {
            if (directory.AccessGroupOf(resident.Id) is { } group && !groupPolicies.ContainsKey(group))
            {
                throw new ArgumentException($"resident {resident.Id} is in access group '{group}', which has no policy", nameof(groupPolicies));
            }
        }

        _directory = directory;
        _defaultPolicy = defaultPolicy;
        _groupPolicies = groupPolicies;
        _door = door;
        _timeProvider = timeProvider;
        _pinAttempts = new PinAttemptTracker(timeProvider, pinAttempts);
        _pinAfterCardTimeout = pinAfterCardTimeout;
    }

    /// <summary>The door this gate governs.</summary>
    public DoorId DoorId => _defaultPolicy.DoorId;

    /// <summary>The door state machine the decisions drive.</summary>
    public DoorStateMachine Door => _door;

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
        ArgumentNullException.ThrowIfNull(credential);
        var now = _timeProvider.GetUtcNow();
        var resolution = _directory.Resolve(credential, now);
        var presented = resolution.Presented;
        var lookup = resolution.Lookup with { KeypadLockedOut = _pinAttempts.IsLockedOut(credential.ReaderId) };
        var policy = _defaultPolicy;
        if (resolution.AccessGroup is { } group && !_groupPolicies.TryGetValue(group, out policy))
        {
            throw new InvalidOperationException($"access group '{group}' of resident {resolution.Lookup.Resident?.Id} has no policy at {DoorId}");
        }

        var decision = AccessPolicy.Decide(presented, lookup, policy, now);
        var alarm = _pinAttempts.Record(policy.DoorId, credential.ReaderId, presented, decision);

        if (decision.IsGranted && lookup.Credential is VisitorCodeCredential visitorCode)
        {
            _directory.ConsumeVisitorCode(visitorCode);
        }
        else if (decision.Reason == AccessReason.SecondFactorRequired && decision.Method == AccessMethods.CardAndPin
            && lookup.Credential is CardCredential card)
        {
            _directory.AwaitPinAfterCard(credential.ReaderId, card, now + _pinAfterCardTimeout);
        }

        return new ScenarioDecision(decision, alarm is null ? [] : new AccessEvent[] { alarm });
    }
}
