using GateController.Core.Door;

namespace GateController.Core.Tests.Door;

public sealed class DoorStateMachineTransitionTests
{
    public static TheoryData<string, string, DoorLockState> Transitions => new()
    {
        // Grant and pulse.
        { "grant", "Unlocked(Grant)", DoorLockState.Unlocked },
        { "grant; +4999", "Unlocked(Grant)", DoorLockState.Unlocked },
        { "grant; +5000", "Unlocked(Grant) Relocked(PulseElapsed)", DoorLockState.Locked },
        { "grant; +3000; grant; +3000", "Unlocked(Grant)", DoorLockState.Unlocked },
        { "grant; +3000; grant; +5000", "Unlocked(Grant) Relocked(PulseElapsed)", DoorLockState.Locked },
        { "grant; +1000; open; +1000; close", "Unlocked(Grant) Opened Closed Relocked(DoorClosed)", DoorLockState.Locked },
        { "grant; +1000; open; +1000; close; +10000", "Unlocked(Grant) Opened Closed Relocked(DoorClosed)", DoorLockState.Locked },
        { "grant; relock", "Unlocked(Grant) Relocked(OperatorRelock)", DoorLockState.Locked },
        { "relock", "", DoorLockState.Locked },
        { "deny", "", DoorLockState.Locked },
        { "lockout", "", DoorLockState.Locked },

        // Exit button.
        { "rex", "Unlocked(ExitButton)", DoorLockState.Unlocked },
        { "rex; +5000", "Unlocked(ExitButton) Relocked(PulseElapsed)", DoorLockState.Locked },
        { "rex; open; close", "Unlocked(ExitButton) Opened Closed Relocked(DoorClosed)", DoorLockState.Locked },

        // Forced.
        { "open", "Opened Forced", DoorLockState.Locked },
        { "open; open", "Opened Forced", DoorLockState.Locked },
        { "open; close", "Opened Forced Closed", DoorLockState.Locked },
        { "open; +60000", "Opened Forced", DoorLockState.Locked },
        { "close", "", DoorLockState.Locked },
        { "grant; +5000; open", "Unlocked(Grant) Relocked(PulseElapsed) Opened Forced", DoorLockState.Locked },

        // Held open.
        { "grant; open; +29999", "Unlocked(Grant) Opened Relocked(PulseElapsed)", DoorLockState.Locked },
        { "grant; open; +30000", "Unlocked(Grant) Opened Relocked(PulseElapsed) HeldOpen", DoorLockState.Locked },
        { "grant; open; +30000; +60000", "Unlocked(Grant) Opened Relocked(PulseElapsed) HeldOpen", DoorLockState.Locked },
        { "grant; open; +30000; close", "Unlocked(Grant) Opened Relocked(PulseElapsed) HeldOpen Closed", DoorLockState.Locked },
        { "grant; +2000; open; +29999", "Unlocked(Grant) Opened Relocked(PulseElapsed)", DoorLockState.Locked },
        { "grant; open; close; rex; open; +30000", "Unlocked(Grant) Opened Closed Relocked(DoorClosed) Unlocked(ExitButton) Opened Relocked(PulseElapsed) HeldOpen", DoorLockState.Locked },

        // Fire alarm overrides everything.
        { "fire+", "FireReleaseStarted", DoorLockState.FireRelease },
        { "fire+; fire+", "FireReleaseStarted", DoorLockState.FireRelease },
        { "fire-", "", DoorLockState.Locked },
        { "fire+; +600000", "FireReleaseStarted", DoorLockState.FireRelease },
        { "fire+; open; +600000", "FireReleaseStarted Opened", DoorLockState.FireRelease },
        { "fire+; fire-", "FireReleaseStarted FireReleaseEnded Relocked(FireAlarmCleared)", DoorLockState.Locked },
        { "grant; fire+; +10000", "Unlocked(Grant) FireReleaseStarted", DoorLockState.FireRelease },
        { "fire+; grant; rex; +10000", "FireReleaseStarted", DoorLockState.FireRelease },
        { "fire+; manual 60; +120000", "FireReleaseStarted", DoorLockState.FireRelease },
        { "fire+; relock", "FireReleaseStarted", DoorLockState.FireRelease },
        { "fire+; open; close", "FireReleaseStarted Opened Closed", DoorLockState.FireRelease },
        { "fire+; open; fire-; +29999", "FireReleaseStarted Opened FireReleaseEnded Relocked(FireAlarmCleared)", DoorLockState.Locked },
        { "fire+; open; fire-; +30000", "FireReleaseStarted Opened FireReleaseEnded Relocked(FireAlarmCleared) HeldOpen", DoorLockState.Locked },
        { "grant; open; +30000; fire+", "Unlocked(Grant) Opened Relocked(PulseElapsed) HeldOpen FireReleaseStarted", DoorLockState.FireRelease },
        { "manual 60; fire+; fire-", "ManualRelease FireReleaseStarted FireReleaseEnded Relocked(FireAlarmCleared)", DoorLockState.Locked },
        { "manual 60; fire+; +60000", "ManualRelease FireReleaseStarted", DoorLockState.FireRelease },

        // Manual release.
        { "manual 60", "ManualRelease", DoorLockState.ManualRelease },
        { "manual 60; +59999", "ManualRelease", DoorLockState.ManualRelease },
        { "manual 60; +60000", "ManualRelease Relocked(ManualReleaseElapsed)", DoorLockState.Locked },
        { "manual 60; grant; rex; +10000", "ManualRelease", DoorLockState.ManualRelease },
        { "manual 60; open; close; +10000", "ManualRelease Opened Closed", DoorLockState.ManualRelease },
        { "manual 60; open; +59000", "ManualRelease Opened", DoorLockState.ManualRelease },
        { "manual 60; open; +60000; +29999", "ManualRelease Opened Relocked(ManualReleaseElapsed)", DoorLockState.Locked },
        { "manual 60; open; +60000; +30000", "ManualRelease Opened Relocked(ManualReleaseElapsed) HeldOpen", DoorLockState.Locked },
        { "manual 60; relock", "ManualRelease Relocked(OperatorRelock)", DoorLockState.Locked },
        { "grant; manual 60; +10000", "Unlocked(Grant) ManualRelease", DoorLockState.ManualRelease },
        { "manual 60; +30000; manual 60; +59999", "ManualRelease ManualRelease", DoorLockState.ManualRelease },
        { "grant; open; +30000; manual 60; +59000", "Unlocked(Grant) Opened Relocked(PulseElapsed) HeldOpen ManualRelease", DoorLockState.ManualRelease },

        // Tamper does not move the lock.
        { "tamper+", "Tamper", DoorLockState.Locked },
        { "tamper+; tamper+", "Tamper", DoorLockState.Locked },
        { "tamper+; tamper-", "Tamper TamperCleared", DoorLockState.Locked },
        { "tamper-", "", DoorLockState.Locked },
        { "grant; tamper+; +5000", "Unlocked(Grant) Tamper Relocked(PulseElapsed)", DoorLockState.Locked },
        { "fire+; tamper+", "FireReleaseStarted Tamper", DoorLockState.FireRelease },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Run_Script_RaisesExpectedEventsAndEndsInState(string script, string expectedEvents, DoorLockState expectedState)
    {
        using var harness = new DoorHarness().Run(script);

        Assert.Equal(expectedEvents, harness.EventText);
        Assert.Equal(expectedState, harness.Door.State);
    }

    [Theory]
    [InlineData("grant; open; close", "Unlocked(Grant) Opened Closed", DoorLockState.Unlocked)]
    [InlineData("grant; open; close; +5000", "Unlocked(Grant) Opened Closed Relocked(PulseElapsed)", DoorLockState.Locked)]
    [InlineData("rex; +1000; open; +1000; close; +2999", "Unlocked(ExitButton) Opened Closed", DoorLockState.Unlocked)]
    public void DoorContactChanged_RelockOnCloseOff_WaitsForPulse(string script, string expectedEvents, DoorLockState expectedState)
    {
        using var harness = new DoorHarness(new DoorOptions { RelockOnClose = false }).Run(script);

        Assert.Equal(expectedEvents, harness.EventText);
        Assert.Equal(expectedState, harness.Door.State);
    }

    [Theory]
    [InlineData(1, "grant; +999", DoorLockState.Unlocked)]
    [InlineData(1, "grant; +1000", DoorLockState.Locked)]
    [InlineData(12, "grant; +11999", DoorLockState.Unlocked)]
    [InlineData(12, "grant; +12000", DoorLockState.Locked)]
    public void Grant_ConfiguredPulse_RelocksExactlyAtPulseEnd(int pulseSeconds, string script, DoorLockState expectedState)
    {
        using var harness = new DoorHarness(new DoorOptions { PulseDuration = TimeSpan.FromSeconds(pulseSeconds) }).Run(script);

        Assert.Equal(expectedState, harness.Door.State);
    }

    [Theory]
    [InlineData(10, "grant; open; +9999", false)]
    [InlineData(10, "grant; open; +10000", true)]
    [InlineData(120, "grant; open; +119999", false)]
    [InlineData(120, "grant; open; +120000", true)]
    public void DoorContactChanged_ConfiguredThreshold_RaisesHeldOpenExactlyAtThreshold(int thresholdSeconds, string script, bool heldOpen)
    {
        using var harness = new DoorHarness(new DoorOptions { HeldOpenThreshold = TimeSpan.FromSeconds(thresholdSeconds) }).Run(script);

        Assert.Equal(heldOpen, harness.Door.IsHeldOpen);
        Assert.Equal(heldOpen, harness.Events.Exists(e => e.Kind == DoorEventKind.HeldOpen));
    }
}
