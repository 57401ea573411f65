using GateController.Core.Door;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Core.Tests.Door;

public sealed class DoorStateMachineTests
{
    [Fact]
    public void EventRaised_Events_CarryTheClockTimeTheyHappenedAt()
    {
        using var harness = new DoorHarness().Run("grant; +1500; open; +2250; close");

        Assert.Equal(
            [
                DoorHarness.Start,
                DoorHarness.Start.AddMilliseconds(1500),
                DoorHarness.Start.AddMilliseconds(3750),
                DoorHarness.Start.AddMilliseconds(3750),
            ],
            harness.Events.Select(e => e.OccurredAt));
    }

    [Fact]
    public void EventRaised_PulseElapsed_StampedAtPulseEndNotAtAdvanceEnd()
    {
        using var harness = new DoorHarness().Run("grant; +60000");

        Assert.Equal(DoorHarness.Start.AddSeconds(5), harness.Events[^1].OccurredAt);
    }

    [Fact]
    public void Grant_Locked_UnlockedEventCarriesPulseDuration()
    {
        using var harness = new DoorHarness(new DoorOptions { PulseDuration = TimeSpan.FromSeconds(7) }).Run("grant");

        Assert.Equal(TimeSpan.FromSeconds(7), harness.Events[0].Duration);
    }

    [Fact]
    public void ManualRelease_Locked_EventCarriesDurationAndReturnsTrue()
    {
        using var harness = new DoorHarness();

        var released = harness.Door.ManualRelease(TimeSpan.FromSeconds(90));

        Assert.True(released);
        Assert.Equal(new DoorEvent(DoorEventKind.ManualRelease, DoorHarness.Start, DoorEventCause.None, TimeSpan.FromSeconds(90)), harness.Events[0]);
    }

    [Fact]
    public void ManualRelease_DuringFireRelease_ReturnsFalseAndChangesNothing()
    {
        using var harness = new DoorHarness().Run("fire+");

        Assert.False(harness.Door.ManualRelease(TimeSpan.FromSeconds(60)));
        Assert.Equal("FireReleaseStarted", harness.EventText);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(8 * 3600 + 1)]
    public void ManualRelease_DurationOutOfRange_Throws(int seconds)
    {
        using var harness = new DoorHarness();

        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Door.ManualRelease(TimeSpan.FromSeconds(seconds)));
        Assert.Empty(harness.Events);
    }

    [Fact]
    public void ManualRelease_AtConfiguredLimit_Accepted()
    {
        using var harness = new DoorHarness(new DoorOptions { ManualReleaseLimit = TimeSpan.FromMinutes(10) });

        Assert.True(harness.Door.ManualRelease(TimeSpan.FromMinutes(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.Door.ManualRelease(TimeSpan.FromMinutes(10.5)));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("grant", true)]
    [InlineData("manual 60", true)]
    [InlineData("fire+", false)]
    public void RelockNow_State_ReturnsWhetherItRelocked(string script, bool relocked)
    {
        using var harness = new DoorHarness().Run(script);

        Assert.Equal(relocked, harness.Door.RelockNow());
    }

    [Fact]
    public void Properties_AfterInputs_ReflectInputsAndAlarms()
    {
        using var harness = new DoorHarness().Run("open; tamper+; fire+");

        Assert.True(harness.Door.IsDoorOpen);
        Assert.True(harness.Door.IsTamperActive);
        Assert.True(harness.Door.IsFireAlarmActive);
        Assert.True(harness.Door.IsForced);
        Assert.False(harness.Door.IsHeldOpen);

        harness.Run("close; tamper-; fire-");

        Assert.False(harness.Door.IsDoorOpen);
        Assert.False(harness.Door.IsTamperActive);
        Assert.False(harness.Door.IsFireAlarmActive);
        Assert.False(harness.Door.IsForced);
    }

    [Fact]
    public void EventRaised_HandlerCallsBack_ThrowsInvalidOperation()
    {
        using var harness = new DoorHarness();
        harness.Door.EventRaised += (_, _) => harness.Door.RelockNow();

        Assert.Throws<InvalidOperationException>(() => harness.Door.Grant());
        // The machine stays usable and consistent after the failed handler.
        Assert.Equal(DoorLockState.Unlocked, harness.Door.State);
    }

    [Fact]
    public void Dispose_ThenInput_ThrowsObjectDisposed()
    {
        using var harness = new DoorHarness();
        harness.Door.Dispose();

        Assert.Throws<ObjectDisposedException>(() => harness.Door.Grant());
        Assert.Throws<ObjectDisposedException>(() => harness.Door.DoorContactChanged(open: true));
    }

    [Fact]
    public void Dispose_DuringPulse_TimerRaisesNothingMore()
    {
        using var harness = new DoorHarness().Run("grant");
        harness.Door.Dispose();

        harness.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Unlocked(Grant)", harness.EventText);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new DoorOptions { PulseDuration = TimeSpan.Zero, HeldOpenThreshold = TimeSpan.FromSeconds(-1) };

        var error = Assert.Throws<ArgumentException>(() => new DoorStateMachine(options, new FakeTimeProvider()));

        Assert.Contains(nameof(DoorOptions.PulseDuration), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DoorOptions.HeldOpenThreshold), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoorEvent_Members_CarryNoPersonalData()
    {
        var properties = typeof(DoorEvent).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal);

        // Adding a member here needs a privacy review: door events reach MQTT.
        Assert.Equal(["Cause", "Duration", "Kind", "OccurredAt"], properties);
    }

    [Fact]
    public void Grant_FromManyThreads_EndsUnlockedWithOneUnlockedEvent()
    {
        using var harness = new DoorHarness();

        Parallel.For(0, 200, _ => harness.Door.Grant());

        Assert.Equal("Unlocked(Grant)", harness.EventText);
        Assert.Equal(DoorLockState.Unlocked, harness.Door.State);
    }

    [Theory]
    [InlineData(false, false, false, "", "", DoorLockState.Locked)]
    [InlineData(true, false, false, "", "Opened", DoorLockState.Locked)]
    [InlineData(true, false, false, "+29999", "Opened", DoorLockState.Locked)]
    [InlineData(true, false, false, "+30000", "Opened HeldOpen", DoorLockState.Locked)]
    [InlineData(true, false, false, "close; open", "Opened Closed Opened Forced", DoorLockState.Locked)]
    [InlineData(false, true, false, "+600000", "FireReleaseStarted", DoorLockState.FireRelease)]
    [InlineData(false, true, false, "fire-", "FireReleaseStarted FireReleaseEnded Relocked(FireAlarmCleared)", DoorLockState.Locked)]
    [InlineData(false, false, true, "tamper-", "Tamper TamperCleared", DoorLockState.Locked)]
    [InlineData(true, true, true, "", "FireReleaseStarted Tamper Opened", DoorLockState.FireRelease)]
    public void ReportInitialInputs_Inputs_RaisesStartUpEventsWithoutForced(bool doorOpen, bool fire, bool tamper, string then, string expectedEvents, DoorLockState expectedState)
    {
        using var harness = new DoorHarness();

        harness.Door.ReportInitialInputs(doorOpen, fire, tamper);
        harness.Run(then);

        Assert.Equal(expectedEvents, harness.EventText);
        Assert.Equal(expectedState, harness.Door.State);
    }

    [Theory]
    [InlineData("grant")]
    [InlineData("deny")]
    [InlineData("close")]
    public void ReportInitialInputs_AfterAnotherInput_Throws(string script)
    {
        using var harness = new DoorHarness().Run(script);

        Assert.Throws<InvalidOperationException>(() => harness.Door.ReportInitialInputs(doorOpen: false, fireAlarmActive: false, tamperActive: false));
    }

    [Fact]
    public void ReportInitialInputs_Twice_Throws()
    {
        using var harness = new DoorHarness();
        harness.Door.ReportInitialInputs(doorOpen: false, fireAlarmActive: false, tamperActive: false);

        Assert.Throws<InvalidOperationException>(() => harness.Door.ReportInitialInputs(doorOpen: false, fireAlarmActive: false, tamperActive: false));
    }

    [Fact]
    public void EventRaised_HandlerThrows_PulseStillRelocksOnTime()
    {
        using var harness = new DoorHarness();
        harness.Door.EventRaised += (_, e) =>
        {
            if (e.Kind == DoorEventKind.Unlocked)
            {
                throw new InvalidOperationException("faulty handler");
            }
        };

        Assert.Throws<InvalidOperationException>(() => harness.Door.Grant());
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(DoorLockState.Locked, harness.Door.State);
        Assert.Equal("Unlocked(Grant) Relocked(PulseElapsed)", harness.EventText);
    }
}
