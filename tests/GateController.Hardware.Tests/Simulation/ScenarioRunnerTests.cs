using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Readers;
using GateController.Simulation.Scenarios;

namespace GateController.Hardware.Tests.Simulation;

public sealed class ScenarioRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Run_StepEarlierThanPrevious_Throws()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        ScenarioStep[] steps =
        [
            new(TimeSpan.FromSeconds(10), "later", null, []),
            new(TimeSpan.FromSeconds(5), "earlier", null, []),
        ];

        var error = Assert.Throws<ArgumentException>(() => runner.Run(steps));

        Assert.Contains("earlier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongExpectedStateAndBuzzer_PrintsOneFailLineEach()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        ScenarioStep[] steps =
        [
            new(TimeSpan.Zero, "exit button", r => { r.Door.ExitButtonPressed(); return null; }, [DoorEventKind.Unlocked])
            {
                ExpectedState = DoorLockState.Locked,
                ExpectedBuzzer = BuzzerPattern.Alarm,
            },
        ];

        var result = runner.Run(steps);

        Assert.Equal(
            [
                "FAIL  08:00:00.000  exit button: expected the door Locked, it is Unlocked",
                "FAIL  08:00:00.000  exit button: expected buzzer Alarm, it plays None",
            ],
            result.Failures);
    }

    [Fact]
    public void Run_TimerEventsBeforeAnAction_PrintedAtTheirOwnTime()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        ScenarioStep[] steps =
        [
            new(TimeSpan.Zero, "exit button", r => { r.Door.ExitButtonPressed(); return null; }, [DoorEventKind.Unlocked]),
            new(TimeSpan.FromSeconds(7), "door contact: open", r => { r.Door.DoorContactChanged(open: true); return null; },
                [DoorEventKind.Relocked, DoorEventKind.Opened, DoorEventKind.Forced]),
        ];

        var result = runner.Run(steps);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Contains("08:00:05.000  (timer) → relocked (pulse elapsed)  [relay off · red · buzzer silent]", result.Lines);
    }

    [Theory]
    [InlineData("granted", BuzzerPattern.Granted, DoorLockState.Unlocked)]
    [InlineData("denied: unknown credential", BuzzerPattern.Denied, DoorLockState.Locked)]
    [InlineData("denied: locked out", BuzzerPattern.LockedOut, DoorLockState.Locked)]
    public void PresentCredential_Decision_DrivesDoor(string decisionLine, BuzzerPattern buzzer, DoorLockState state)
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        var card = CredentialPresented.ForCard("front", CardFormat.Wiegand26, new byte[] { 1, 2, 3 }, Start);

        var decision = runner.PresentCredential(card, _ => ScenarioDecision.Parse(decisionLine));

        Assert.Equal(decisionLine, decision.ToString());
        Assert.Equal(buzzer, runner.Door.Outputs.Buzzer);
        Assert.Equal(state, runner.Door.State);
    }
}
