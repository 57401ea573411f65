using GateController.Core.Door;

namespace GateController.Core.Tests.Door;

public sealed class DoorStateMachineOutputTests
{
    /// <summary>Script, whether the lock is released, green, red, buzzer.</summary>
    private static readonly (string Script, bool Released, bool Green, bool Red, BuzzerPattern Buzzer)[] Rows =
    [
        ("", false, false, true, BuzzerPattern.None),
        ("grant", true, true, false, BuzzerPattern.Granted),
        ("grant; +999", true, true, false, BuzzerPattern.Granted),
        ("grant; +1000", true, true, false, BuzzerPattern.None),
        ("grant; +5000", false, false, true, BuzzerPattern.None),
        ("rex", true, true, false, BuzzerPattern.None),
        ("deny", false, false, true, BuzzerPattern.Denied),
        ("deny; +1000", false, false, true, BuzzerPattern.None),
        ("lockout", false, false, true, BuzzerPattern.LockedOut),
        ("lockout; +1000", false, false, true, BuzzerPattern.None),
        ("grant; deny", true, true, true, BuzzerPattern.Denied),
        ("open", false, false, true, BuzzerPattern.Alarm),
        ("open; close", false, false, true, BuzzerPattern.None),
        ("grant; open; +30000", false, false, true, BuzzerPattern.Alarm),
        ("grant; open; +30000; close", false, false, true, BuzzerPattern.None),
        ("tamper+", false, false, true, BuzzerPattern.Alarm),
        ("tamper+; tamper-", false, false, true, BuzzerPattern.None),
        ("grant; tamper+", true, true, true, BuzzerPattern.Alarm),
        ("fire+", true, true, false, BuzzerPattern.None),
        ("fire+; open; +600000", true, true, false, BuzzerPattern.None),
        ("fire+; tamper+", true, true, true, BuzzerPattern.Alarm),
        ("fire+; grant", true, true, false, BuzzerPattern.Granted),
        ("grant; open; +30000; fire+", true, true, false, BuzzerPattern.None),
        ("fire+; fire-", false, false, true, BuzzerPattern.None),
        ("manual 60", true, true, false, BuzzerPattern.None),
        ("prompt", false, false, true, BuzzerPattern.Prompt),
        ("confirmed", false, true, false, BuzzerPattern.Confirmed),
        ("confirmed; +5000", false, false, true, BuzzerPattern.None),
        ("grant; confirmed", true, true, false, BuzzerPattern.Confirmed),
        ("manual 60; +60000", false, false, true, BuzzerPattern.None),
    ];

    public static TheoryData<string, LockType, bool, bool, bool, BuzzerPattern> Outputs
    {
        get
        {
            var data = new TheoryData<string, LockType, bool, bool, bool, BuzzerPattern>();
            foreach (var (script, released, green, red, buzzer) in Rows)
            {
                // Fail-secure: energise to unlock. Fail-safe: energise to lock.
                data.Add(script, LockType.FailSecure, released, green, red, buzzer);
                data.Add(script, LockType.FailSafe, !released, green, red, buzzer);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Outputs_AfterScript_MatchLockTypeAndState(string script, LockType lockType, bool relayEnergised, bool green, bool red, BuzzerPattern buzzer)
    {
        using var harness = new DoorHarness(new DoorOptions { LockType = lockType }).Run(script);

        Assert.Equal(new DoorOutputs(relayEnergised, green, red, buzzer), harness.Door.Outputs);
    }

    [Theory]
    [InlineData(LockType.FailSecure, false)]
    [InlineData(LockType.FailSafe, true)]
    public void Constructor_Locked_RelayHoldsLockTypesLockedState(LockType lockType, bool relayEnergised)
    {
        using var harness = new DoorHarness(new DoorOptions { LockType = lockType });

        Assert.Equal(relayEnergised, harness.Door.Outputs.RelayEnergised);
        Assert.Equal(DoorLockState.Locked, harness.Door.State);
    }

    [Fact]
    public void OutputsChanged_GrantThenPulse_RaisedOncePerChangeAndLastEqualsCurrent()
    {
        using var harness = new DoorHarness().Run("grant; +1000; +4000");

        Assert.Equal(
            [
                new DoorOutputs(true, true, false, BuzzerPattern.Granted),
                new DoorOutputs(true, true, false, BuzzerPattern.None),
                new DoorOutputs(false, false, true, BuzzerPattern.None),
            ],
            harness.OutputChanges);
        Assert.Equal(harness.Door.Outputs, harness.OutputChanges[^1]);
    }

    [Fact]
    public void OutputsChanged_InputThatChangesNothing_NotRaised()
    {
        using var harness = new DoorHarness().Run("grant; +1000");
        var before = harness.OutputChanges.Count;

        harness.Run("rex; close; fire-; tamper-; +1");

        Assert.Equal(before, harness.OutputChanges.Count);
    }

    [Fact]
    public void OutputsChanged_FailSafeFireAlarm_DeenergisesRelay()
    {
        using var harness = new DoorHarness(new DoorOptions { LockType = LockType.FailSafe }).Run("fire+");

        Assert.False(harness.OutputChanges[^1].RelayEnergised);
        Assert.True(harness.OutputChanges[^1].GreenLed);
    }
}
