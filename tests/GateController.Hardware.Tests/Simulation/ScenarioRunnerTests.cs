using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;
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

    [Fact]
    public void PresentCredential_Hook_ReturnsItsDecisionAndLeavesTheDoorToIt()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        var card = CredentialPresented.ForCard("front", CardFormat.Wiegand26, new byte[] { 1, 2, 3 }, Start);
        var expected = ScenarioDecision.Deny(AccessReason.UnknownCredential, AccessMethods.Card);

        var decision = runner.PresentCredential(card, _ => expected);

        Assert.Same(expected, decision);
        Assert.Equal(BuzzerPattern.None, runner.Door.Outputs.Buzzer);
    }

    [Fact]
    public void Run_DecisionDiffersFromExpected_PrintsFailLinesForReasonAndAlarm()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        ScenarioStep[] steps =
        [
            new(TimeSpan.Zero, "card", r => r.PresentCredential(Card(r), _ => ScenarioDecision.Deny(AccessReason.Expired, AccessMethods.Card)).ToString(), [])
            {
                ExpectedReason = AccessReason.Granted,
                ExpectedAlarm = ScenarioAlarm.Duress,
            },
        ];

        var result = runner.Run(steps);

        Assert.Equal(
            [
                "FAIL  08:00:00.000  card: expected decision Granted, got Expired",
                "FAIL  08:00:00.000  card: expected alarm Duress, got None",
            ],
            result.Failures);
        Assert.Contains("08:00:00.000  card → Expired (Card) → no door change  [relay off · red · buzzer silent]", result.Lines);
    }

    [Fact]
    public void Run_ExpectedReasonWithoutCredential_Fails()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        ScenarioStep[] steps = [new(TimeSpan.Zero, "nothing", null, []) { ExpectedReason = AccessReason.Granted }];

        var result = runner.Run(steps);

        Assert.Equal(["FAIL  08:00:00.000  nothing: expected one access decision, got 0"], result.Failures);
    }

    [Fact]
    public void Run_DecisionWithAlarm_PrintsAlarmLineAfterTheStep()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        var lockout = new KeypadLockedOut(DoorId.Parse("front-gate"), Start, "front", 5, Start.AddSeconds(60));
        ScenarioStep[] steps =
        [
            new(TimeSpan.Zero, "PIN", r => r.PresentCredential(Card(r), _ =>
                new ScenarioDecision(new AccessDecision(AccessReason.UnknownCredential, AccessMethods.Pin, null, false), [lockout])).ToString(), [])
            {
                ExpectedReason = AccessReason.UnknownCredential,
                ExpectedAlarm = ScenarioAlarm.KeypadLockedOut,
            },
        ];

        var result = runner.Run(steps);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.Equal("08:00:00.000    ALARM keypad \"front\" locked out after 5 wrong attempts, for 60 s", result.Lines[1]);
    }

    [Fact]
    public void Expect_False_FailsTheRunWithItsProblem()
    {
        using var runner = new ScenarioRunner(new DoorOptions(), Start, TextWriter.Null);
        runner.Note("policy check");
        runner.Expect(true, "holds");
        runner.Expect(false, "the policy should be valid");

        var result = runner.Run([]);

        Assert.Equal(["FAIL  the policy should be valid"], result.Failures);
        Assert.Equal("policy check", result.Lines[0]);
        Assert.StartsWith("scenario FAILED", result.Lines[^1], StringComparison.Ordinal);
    }

    private static CredentialPresented Card(ScenarioRunner runner) =>
        CredentialPresented.ForCard("front", CardFormat.Wiegand26, new byte[] { 1, 2, 3 }, runner.Clock.GetUtcNow());
}
