using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Hardware.Gpio;
using HardwareBuzzer = GateController.Hardware.Door.BuzzerPattern;

namespace GateController.Hardware.Tests.Door;

public sealed class DoorControllerTests
{
    [Fact]
    public void Start_QuietDoor_RelayLowRedOnGreenOff()
    {
        using var rig = new DoorRig();

        rig.Door.Start();

        Assert.False(rig.RelayHigh);
        Assert.True(rig.Driver.IsDriven(DoorRig.Relay));
        Assert.True(rig.Driver.GetLevel(DoorRig.Red).IsHigh);
        Assert.False(rig.Driver.GetLevel(DoorRig.Green).IsHigh);
        Assert.DoesNotContain(true, rig.RelayWrites());
    }

    [Fact]
    public void Start_FireAlarmActiveAtStart_ReportedFirstAndRelayEnergised()
    {
        using var rig = new DoorRig(fireAlarmAtStart: true);

        rig.Door.Start();

        Assert.Equal([DoorEventKind.FireReleaseStarted], rig.Events);
        Assert.Equal(DoorLockState.FireRelease, rig.Machine.State);
        Assert.True(rig.RelayHigh);
    }

    [Fact]
    public void Grant_FailSecure_RelayHighForThePulseThenLow()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Door.Grant();
        Assert.True(rig.RelayHigh);
        Assert.True(rig.Driver.GetLevel(DoorRig.Green).IsHigh);
        rig.Time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.True(rig.RelayHigh);
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(rig.RelayHigh);
        Assert.Equal([false, true, false], rig.RelayWrites().CollapseRepeats());
    }

    [Fact]
    public void Grant_RelayActiveLow_LineLowWhileReleased()
    {
        var io = new DoorIoOptions { Relay = new DoorOutputLineOptions { Line = "GPIO17", ActiveLow = true } };
        using var rig = new DoorRig(ioOptions: io);
        rig.Door.Start();
        Assert.True(rig.RelayHigh);

        rig.Door.Grant();

        Assert.False(rig.RelayHigh);
        Assert.True(rig.Io.RelayEnergised);
    }

    [Fact]
    public void Deny_Locked_RedLedDeniedBuzzerRelayUntouched()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Door.Deny();

        Assert.Equal(HardwareBuzzer.Denied, rig.Io.BuzzerPattern);
        Assert.True(rig.Driver.GetLevel(DoorRig.Buzzer).IsHigh);
        Assert.True(rig.Driver.GetLevel(DoorRig.Red).IsHigh);
        Assert.DoesNotContain(true, rig.RelayWrites());
    }

    [Fact]
    public void SignalLockedOut_Locked_LockedOutBuzzerRelayUntouched()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Door.SignalLockedOut();

        Assert.Equal(HardwareBuzzer.LockedOut, rig.Io.BuzzerPattern);
        Assert.DoesNotContain(true, rig.RelayWrites());
    }

    [Fact]
    public void RespondPrompt_Locked_PromptBuzzerRedLedRelayUntouched()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Door.Respond(Hardware.Gate.DoorResponse.Prompt);

        Assert.Equal(HardwareBuzzer.Prompt, rig.Io.BuzzerPattern);
        Assert.True(rig.Driver.GetLevel(DoorRig.Buzzer).IsHigh);
        Assert.True(rig.Driver.GetLevel(DoorRig.Red).IsHigh);
        Assert.DoesNotContain(true, rig.RelayWrites());
    }

    [Fact]
    public void RespondConfirmed_Locked_ConfirmedBuzzerGreenLedRelayUntouchedThenBackToRed()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Door.Respond(Hardware.Gate.DoorResponse.Confirmed);

        Assert.Equal(HardwareBuzzer.Confirmed, rig.Io.BuzzerPattern);
        Assert.True(rig.Driver.GetLevel(DoorRig.Green).IsHigh);
        Assert.False(rig.Driver.GetLevel(DoorRig.Red).IsHigh);
        Assert.DoesNotContain(true, rig.RelayWrites());
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(rig.Driver.GetLevel(DoorRig.Green).IsHigh);
        Assert.True(rig.Driver.GetLevel(DoorRig.Red).IsHigh);
        Assert.False(rig.Driver.GetLevel(DoorRig.Buzzer).IsHigh);
    }

    [Fact]
    public void ExitButton_PressedThroughTheLine_RelayReleased()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Input(DoorRig.Exit, high: false);

        Assert.True(rig.RelayHigh);
        Assert.Equal([DoorEventKind.Unlocked], rig.Events);
    }

    [Fact]
    public void FireAlarm_NormallyClosedContactOpens_RelayReleasedAndHeldUntilCleared()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Input(DoorRig.Fire, high: true, debounceMilliseconds: 100);
        Assert.True(rig.RelayHigh);
        rig.Door.Grant();
        rig.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(rig.RelayHigh);
        Assert.Equal(DoorLockState.FireRelease, rig.Machine.State);

        rig.Input(DoorRig.Fire, high: false, debounceMilliseconds: 100);

        Assert.False(rig.RelayHigh);
        Assert.Equal([DoorEventKind.FireReleaseStarted, DoorEventKind.FireReleaseEnded, DoorEventKind.Relocked], rig.Events);
    }

    [Fact]
    public void FireAlarm_ChatterShorterThanDebounce_Ignored()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Driver.SetInput(DoorRig.Fire, PinValue.High);
        rig.Time.Advance(TimeSpan.FromMilliseconds(40));
        rig.Driver.SetInput(DoorRig.Fire, PinValue.Low);
        rig.Time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.False(rig.RelayHigh);
        Assert.Empty(rig.Events);
    }

    [Fact]
    public void DoorContact_LeftOpenPastThreshold_HeldOpenAlarmOnBuzzerAndRedLed()
    {
        using var rig = new DoorRig(new DoorOptions { HeldOpenThreshold = TimeSpan.FromSeconds(30) });
        rig.Door.Start();
        rig.Door.Grant();
        rig.Input(DoorRig.Contact, high: true);

        rig.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(rig.Machine.IsHeldOpen);
        Assert.Equal(HardwareBuzzer.Alarm, rig.Io.BuzzerPattern);
        Assert.True(rig.Driver.GetLevel(DoorRig.Red).IsHigh);
        Assert.False(rig.RelayHigh);
        Assert.Contains(DoorEventKind.HeldOpen, rig.Events);

        rig.Input(DoorRig.Contact, high: false);
        Assert.Equal(HardwareBuzzer.Off, rig.Io.BuzzerPattern);
        Assert.False(rig.Driver.GetLevel(DoorRig.Buzzer).IsHigh);
    }

    [Fact]
    public void DoorContact_OpenedWhileLocked_ForcedAlarmRelayStaysLow()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Input(DoorRig.Contact, high: true);

        Assert.Equal([DoorEventKind.Opened, DoorEventKind.Forced], rig.Events);
        Assert.Equal(HardwareBuzzer.Alarm, rig.Io.BuzzerPattern);
        Assert.DoesNotContain(true, rig.RelayWrites());
    }

    [Fact]
    public void Tamper_CoverOpened_TamperAlarmThenCleared()
    {
        using var rig = new DoorRig();
        rig.Door.Start();

        rig.Input(DoorRig.Tamper, high: true);
        Assert.True(rig.Machine.IsTamperActive);
        Assert.Equal(HardwareBuzzer.Alarm, rig.Io.BuzzerPattern);

        rig.Input(DoorRig.Tamper, high: false);

        Assert.Equal([DoorEventKind.Tamper, DoorEventKind.TamperCleared], rig.Events);
        Assert.Equal(HardwareBuzzer.Off, rig.Io.BuzzerPattern);
    }

    [Fact]
    public void InputChanged_HandlerThrows_FaultCountedAndNextInputStillDrivesTheRelay()
    {
        using var rig = new DoorRig();
        var throwOnce = true;
        rig.Machine.EventRaised += (_, _) =>
        {
            if (throwOnce)
            {
                throwOnce = false;
                throw new InvalidOperationException("observer fault");
            }
        };
        rig.Door.Start();

        rig.Input(DoorRig.Tamper, high: true);
        Assert.Equal(1, rig.Door.InputFaults);

        rig.Input(DoorRig.Exit, high: false);

        Assert.True(rig.RelayHigh);
        Assert.Equal(1, rig.Door.InputFaults);
    }

    [Theory]
    [InlineData(LockType.FailSecure)]
    [InlineData(LockType.FailSafe)]
    public void Dispose_AnyLockType_RelayDeEnergisedAndReleased(LockType lockType)
    {
        var rig = new DoorRig(new DoorOptions { LockType = lockType });
        rig.Door.Start();
        rig.Door.Grant();
        var energised = rig.Io.RelayEnergised;

        rig.Door.Dispose();

        Assert.Equal(lockType == LockType.FailSecure, energised);
        Assert.False(rig.RelayHigh);
        Assert.False(rig.Driver.IsHeld(DoorRig.Relay));
        Assert.False(rig.RelayWrites()[^1]);
        rig.Dispose();
    }

    [Fact]
    public void Dispose_PulseEndsAfterwards_OutputsNoLongerWrittenAndNoFault()
    {
        using var rig = new DoorRig();
        rig.Door.Start();
        rig.Door.Grant();
        rig.Door.Dispose();
        var writes = rig.Driver.OutputHistory.Count;

        rig.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(writes, rig.Driver.OutputHistory.Count);
        Assert.Equal(0, rig.Door.OutputFaults);
        Assert.False(rig.RelayHigh);
    }

    [Theory]
    [InlineData(LockType.FailSecure, LockFailMode.FailSafe)]
    [InlineData(LockType.FailSafe, LockFailMode.FailSecure)]
    public void Constructor_LockTypesDisagree_ThrowsNamingBothSettings(LockType lockType, LockFailMode failMode)
    {
        using var rig = new DoorRig(new DoorOptions { LockType = lockType });
        var io = new DoorIo(rig.Controller, new DoorIoOptions { LockFailMode = failMode }, rig.Time);

        var problem = Assert.Throws<ArgumentException>(() => new DoorController(io, rig.Machine));

        Assert.Contains("LockFailMode", problem.Message, StringComparison.Ordinal);
        Assert.Contains("LockType", problem.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Driver.OutputHistory);
    }

    [Fact]
    public void Start_RelayLineHeldByAnotherProcess_ThrowsIOExceptionNamingTheLine()
    {
        using var rig = new DoorRig();
        rig.Driver.TakeLine(DoorRig.Relay, "other");

        var fault = Assert.Throws<IOException>(rig.Door.Start);

        Assert.Contains("GPIO17", fault.Message, StringComparison.Ordinal);
    }
}
