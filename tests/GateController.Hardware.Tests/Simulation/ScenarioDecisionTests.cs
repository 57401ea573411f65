using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.Residents;
using GateController.Simulation.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Simulation;

public sealed class ScenarioDecisionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly DoorId Door = DoorId.Parse("front-gate");

    [Theory]
    [InlineData(AccessReason.Granted, false, DoorLockState.Unlocked, BuzzerPattern.Granted)]
    [InlineData(AccessReason.UnknownCredential, false, DoorLockState.Locked, BuzzerPattern.Denied)]
    [InlineData(AccessReason.Expired, false, DoorLockState.Locked, BuzzerPattern.Denied)]
    [InlineData(AccessReason.LockedOut, false, DoorLockState.Locked, BuzzerPattern.LockedOut)]
    [InlineData(AccessReason.UnknownCredential, true, DoorLockState.Locked, BuzzerPattern.LockedOut)]
    [InlineData(AccessReason.SecondFactorRequired, false, DoorLockState.Locked, BuzzerPattern.None)]
    public void DriveDoor_Decision_GivesFeedback(AccessReason reason, bool lockoutAlarm, DoorLockState state, BuzzerPattern buzzer)
    {
        using var door = new DoorStateMachine(new DoorOptions(), new FakeTimeProvider(Start));
        AccessEvent[] alarms = lockoutAlarm ? [new KeypadLockedOut(Door, Start, "front", 5, Start.AddMinutes(1))] : [];
        var decision = new ScenarioDecision(new AccessDecision(reason, AccessMethods.Pin, null, false), alarms);

        decision.DriveDoor(door);

        Assert.Equal(state, door.State);
        Assert.Equal(buzzer, door.Outputs.Buzzer);
    }

    [Fact]
    public void ToString_WithResident_NamesReasonMethodAndIdOnly()
    {
        var decision = new ScenarioDecision(new AccessDecision(AccessReason.Granted, AccessMethods.Pin, ResidentId.Parse("R0006"), true), []);

        Assert.Equal("Granted (Pin) R0006", decision.ToString());
    }

    [Fact]
    public void ToString_WithoutResident_NamesReasonAndMethod() =>
        Assert.Equal("UnknownCredential (Card)", ScenarioDecision.Deny(AccessReason.UnknownCredential, AccessMethods.Card).ToString());

    [Fact]
    public void Deny_Granted_Throws() =>
        Assert.Throws<ArgumentException>(() => ScenarioDecision.Deny(AccessReason.Granted, AccessMethods.Card));

    [Fact]
    public void LockedOut_DuressAlarm_IsFalse()
    {
        var decision = new ScenarioDecision(
            new AccessDecision(AccessReason.Granted, AccessMethods.Pin, ResidentId.Parse("R0006"), true),
            [new DuressAlarmRaised(Door, Start, ResidentId.Parse("R0006"))]);

        Assert.False(decision.LockedOut);
        Assert.True(decision.Granted);
    }
}
