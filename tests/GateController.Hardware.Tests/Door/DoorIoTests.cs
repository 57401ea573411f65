using GateController.Hardware.Door;
using GateController.Hardware.Gpio;
using GateController.Simulation.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Door;

public sealed class DoorIoTests : IDisposable
{
    private const int Relay = 17;
    private const int Green = 27;
    private const int Red = 22;
    private const int Buzzer = 18;
    private const int Exit = 23;
    private const int Contact = 24;
    private const int Fire = 4;
    private const int Tamper = 15;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;
    private readonly List<DoorInputChanged> _changes = [];

    public DoorIoTests()
    {
        _driver = new SimulatedGpioDriver(28, _time);
        _controller = new GpioController(_driver);

        // A quiet door: reed, fire-alarm and tamper contacts closed to ground; exit button open (pulled up).
        _driver.SetInput(Contact, PinValue.Low);
        _driver.SetInput(Fire, PinValue.Low);
        _driver.SetInput(Tamper, PinValue.Low);
    }

    private DoorIo Start(DoorIoOptions? options = null)
    {
        var door = new DoorIo(_controller, options ?? new DoorIoOptions(), _time);
        door.InputChanged += (_, e) => _changes.Add(e);
        door.Start();
        return door;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Start_AnyPolarity_RelayDrivenDeEnergisedBeforeAnythingElse(bool activeLow, bool expectedLevelHigh)
    {
        var options = new DoorIoOptions { Relay = new DoorOutputLineOptions { Line = "GPIO17", ActiveLow = activeLow } };

        using var door = Start(options);

        var first = _driver.OutputHistory[0];
        Assert.Equal(Relay, first.PinNumber);
        Assert.Equal(expectedLevelHigh, first.Value.IsHigh);
        Assert.False(door.RelayEnergised);
        Assert.DoesNotContain(_driver.OutputHistory, c => c.PinNumber == Relay && c.Value.IsHigh != expectedLevelHigh);
    }

    [Theory]
    [InlineData(LockFailMode.FailSecure, true, true)]
    [InlineData(LockFailMode.FailSecure, false, false)]
    [InlineData(LockFailMode.FailSafe, true, false)]
    [InlineData(LockFailMode.FailSafe, false, true)]
    public void SetLockReleased_FailMode_RelayStateFollows(LockFailMode mode, bool released, bool expectedEnergised)
    {
        using var door = Start(new DoorIoOptions { LockFailMode = mode });

        door.SetLockReleased(released);

        Assert.Equal(expectedEnergised, door.RelayEnergised);
        Assert.Equal(expectedEnergised, _driver.GetLevel(Relay).IsHigh);
        Assert.Equal(released, door.LockReleased);
    }

    [Fact]
    public void ProcessDies_RelayEnergised_KernelReleaseLeavesLineUndrivenAndLow()
    {
        var door = Start();
        door.SetRelayEnergised(true);
        Assert.True(_driver.GetLevel(Relay).IsHigh);

        _driver.Dispose();

        Assert.False(_driver.IsDriven(Relay));
        Assert.False(_driver.GetLevel(Relay).IsHigh);
    }

    [Fact]
    public void Dispose_RelayEnergised_DeEnergisedThenReleased()
    {
        var door = Start();
        door.SetRelayEnergised(true);

        door.Dispose();

        var relay = _driver.OutputHistory.Where(c => c.PinNumber == Relay).Select(c => (c.Value.IsHigh, c.IsDriven)).ToList();
        Assert.Equal([(false, true), (true, true), (false, true), (false, false)], relay);
        Assert.False(_driver.IsHeld(Relay));
    }

    [Fact]
    public void ExitButton_BouncesThenHeld_OneDebouncedChange()
    {
        using var door = Start();

        _driver.SetInput(Exit, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _driver.SetInput(Exit, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _driver.SetInput(Exit, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(29));
        Assert.False(door.ExitButtonPressed);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(door.ExitButtonPressed);
        var change = Assert.Single(_changes);
        Assert.Equal(new DoorInputChanged(DoorInputKind.ExitButton, true, _time.GetUtcNow()), change);
    }

    [Fact]
    public void ExitButton_GlitchShorterThanDebounce_NoChange()
    {
        using var door = Start();

        _driver.SetInput(Exit, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _driver.SetInput(Exit, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.False(door.ExitButtonPressed);
        Assert.Empty(_changes);
    }

    [Fact]
    public void FireAlarm_NormallyClosedContactOpens_Active()
    {
        using var door = Start();
        Assert.False(door.FireAlarmActive);

        _driver.SetInput(Fire, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(door.FireAlarmActive);
        Assert.Equal(DoorInputKind.FireAlarm, Assert.Single(_changes).Input);
    }

    [Fact]
    public void FireAlarm_WireCutBeforeStart_ActiveAtStart()
    {
        _driver.ReleaseInput(Fire);

        using var door = Start();

        Assert.True(door.FireAlarmActive);
    }

    [Fact]
    public void DoorContact_DoorOpensAndCloses_TwoChanges()
    {
        using var door = Start();

        _driver.SetInput(Contact, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True(door.DoorOpen);
        _driver.SetInput(Contact, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.False(door.DoorOpen);
        Assert.Equal([true, false], _changes.Select(c => c.IsActive));
    }

    [Fact]
    public void Tamper_NotFitted_NeverActiveAndLineNotTaken()
    {
        using var door = Start(new DoorIoOptions { Tamper = new DoorInputLineOptions { Line = null } });

        _driver.SetInput(Tamper, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.False(door.TamperActive);
        Assert.False(_driver.IsHeld(Tamper));
    }

    [Fact]
    public void Buzzer_Denied_ThreeBeepsThenSilent()
    {
        using var door = Start();

        door.PlayBuzzer(BuzzerPattern.Denied);
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var buzzer = _driver.OutputHistory.Where(c => c.PinNumber == Buzzer).Skip(1).Select(c => (c.Value.IsHigh, c.Timestamp.TotalMilliseconds)).ToList();
        Assert.Equal([(true, 0.0), (false, 100.0), (true, 200.0), (false, 300.0), (true, 400.0), (false, 500.0)], buzzer);
        Assert.Equal(BuzzerPattern.Off, door.BuzzerPattern);
    }

    [Fact]
    public void Buzzer_AlarmThenOff_RepeatsUntilStopped()
    {
        using var door = Start();

        door.PlayBuzzer(BuzzerPattern.Alarm);
        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(BuzzerPattern.Alarm, door.BuzzerPattern);
        door.PlayBuzzer(BuzzerPattern.Off);
        _time.Advance(TimeSpan.FromSeconds(5));

        var buzzer = _driver.OutputHistory.Where(c => c.PinNumber == Buzzer).Skip(1).Select(c => c.Value.IsHigh).ToList();
        Assert.Equal([true, false, true, false, true, false, true, false], buzzer);
    }

    [Fact]
    public void Leds_SetActiveLow_LevelsInverted()
    {
        using var door = Start(new DoorIoOptions { GreenLed = new DoorOutputLineOptions { Line = "27", ActiveLow = true } });

        Assert.True(_driver.GetLevel(Green).IsHigh);
        door.SetGreenLed(true);
        door.SetRedLed(true);

        Assert.False(_driver.GetLevel(Green).IsHigh);
        Assert.True(_driver.GetLevel(Red).IsHigh);
        Assert.True(door.GreenLedOn && door.RedLedOn);
    }

    [Fact]
    public void Validate_UnknownAndDuplicateLines_OneMessagePerProblemNamingTheLine()
    {
        var options = new DoorIoOptions
        {
            GreenLed = new DoorOutputLineOptions { Line = "GPIO99" },
            RedLed = new DoorOutputLineOptions { Line = "40" },
            Buzzer = new DoorOutputLineOptions { Line = "GPIO17" },
            Tamper = new DoorInputLineOptions { Line = "23" },
        };

        var problems = options.Validate(_controller);

        Assert.Equal(
            [
                "GreenLed: no line named 'GPIO99' on simulated-gpiochip0",
                "RedLed: line 40 does not exist on simulated-gpiochip0 (lines 0-27)",
                "line GPIO17 (offset 17) is used by Relay and Buzzer",
                "line GPIO23 (offset 23) is used by ExitButton and Tamper",
            ],
            problems);
    }

    [Fact]
    public void Validate_NoChip_DuplicatesBySpellingOfGpioNames()
    {
        var options = new DoorIoOptions { Buzzer = new DoorOutputLineOptions { Line = "17" }, Relay = new DoorOutputLineOptions { Line = null } };

        var problems = options.Validate();

        Assert.Equal(["Relay: the lock relay line is required"], problems);
        Assert.Single(new DoorIoOptions { Buzzer = new DoorOutputLineOptions { Line = "17" } }.Validate());
    }

    [Fact]
    public void Start_BadConfiguration_ThrowsListingProblemsAndTakesNoLine()
    {
        var door = new DoorIo(_controller, new DoorIoOptions { RedLed = new DoorOutputLineOptions { Line = "GPIO17" } }, _time);

        var error = Assert.Throws<ArgumentException>(door.Start);

        Assert.Contains("GPIO17", error.Message, StringComparison.Ordinal);
        Assert.Empty(_driver.OutputHistory);
    }

    [Fact]
    public void Start_LineHeldByAnotherProcess_IOExceptionNamingSettingAndLineAndNothingLeftHeld()
    {
        _driver.TakeLine(Fire, "alarm-daemon");
        var door = new DoorIo(_controller, new DoorIoOptions(), _time);

        var error = Assert.Throws<IOException>(door.Start);

        Assert.Contains("FireAlarm (line GPIO4)", error.Message, StringComparison.Ordinal);
        Assert.Contains("alarm-daemon", error.Message, StringComparison.Ordinal);
        Assert.False(_driver.IsHeld(Relay));
        Assert.False(_driver.IsHeld(Exit));
    }

    public void Dispose() => _controller.Dispose();
}
