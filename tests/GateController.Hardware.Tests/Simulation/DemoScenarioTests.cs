using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Simulation.Scenarios;

namespace GateController.Hardware.Tests.Simulation;

public sealed class DemoScenarioTests
{
    [Fact]
    public void Run_ScriptedDecisions_EveryExpectationHolds()
    {
        var result = DemoScenario.Run(TextWriter.Null);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.StartsWith("scenario passed: 24 steps, 23 door events", result.Lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("08:00:00.000  card presented at reader \"front\" → granted → unlocked (grant, 5 s pulse)  [relay on · green · buzzer granted]")]
    [InlineData("08:00:03.000  door contact: closed → door closed, relocked (door closed)  [relay off · red · buzzer silent]")]
    [InlineData("08:00:10.000  card presented at reader \"front\" → denied: unknown credential → no door change  [relay off · red · buzzer denied]")]
    [InlineData("08:00:20.000  exit button pressed → unlocked (exit button, 5 s pulse)  [relay on · green · buzzer silent]")]
    [InlineData("08:00:25.000  nobody opens the door → relocked (pulse elapsed)  [relay off · red · buzzer silent]")]
    [InlineData("08:01:05.000  the door is left open → relocked (pulse elapsed)  [relay off · red · buzzer silent]")]
    [InlineData("08:01:31.000  the door is left open → HELD-OPEN alarm  [relay off · red · buzzer alarm]")]
    [InlineData("08:02:00.000  door contact: open → door open, FORCED-DOOR alarm  [relay off · red · buzzer alarm]")]
    [InlineData("08:02:30.000  PIN entered at \"keypad\" → denied: locked out → no door change  [relay off · red · buzzer locked out]")]
    [InlineData("08:03:00.000  fire alarm input active → fire release: door held unlocked  [relay on · green · buzzer silent]")]
    [InlineData("08:04:40.000  card presented at reader \"front\" → granted → no door change  [relay on · green · buzzer granted]")]
    [InlineData("08:06:00.000  fire alarm input cleared → fire release ended, relocked (fire alarm cleared)  [relay off · red · buzzer silent]")]
    [InlineData("08:07:00.000  tamper switch opened → TAMPER alarm  [relay off · red · buzzer alarm]")]
    [InlineData("08:08:00.000  operator releases the door for 60 s → manual release for 60 s  [relay on · green · buzzer silent]")]
    [InlineData("08:09:00.000  the manual release runs out → relocked (manual release elapsed)  [relay off · red · buzzer silent]")]
    public void Run_ScriptedDecisions_PrintsTimelineLine(string expectedLine)
    {
        var result = DemoScenario.Run(TextWriter.Null);

        Assert.Contains(expectedLine, result.Lines);
    }

    [Fact]
    public void Run_Output_ReceivesEveryLineInOrder()
    {
        using var output = new StringWriter();

        var result = DemoScenario.Run(output);

        Assert.Equal(result.Lines, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_DecisionHook_ReceivesEveryCredentialInOrder()
    {
        var seen = new List<CredentialKind>();

        var result = DemoScenario.Run(TextWriter.Null, credential =>
        {
            seen.Add(credential.Kind);
            return credential.Kind == CredentialKind.Pin ? ScenarioDecision.Deny("locked out")
                : seen.Count == 2 ? ScenarioDecision.Deny("unknown credential") : ScenarioDecision.Grant;
        });

        Assert.Equal([CredentialKind.Card, CredentialKind.Card, CredentialKind.Card, CredentialKind.Pin, CredentialKind.Card], seen);
        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
    }

    [Fact]
    public void Run_DecisionHookDeniesEverything_FailsNamingTheSteps()
    {
        var result = DemoScenario.Run(TextWriter.Null, _ => ScenarioDecision.Deny("unknown credential"));

        Assert.False(result.Passed);
        Assert.Contains(result.Failures, f => f.StartsWith("FAIL  08:00:00.000  card presented at reader \"front\": expected door events [Unlocked], got []", StringComparison.Ordinal));
        Assert.StartsWith("scenario FAILED", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Timeline_NeverPrintsCardIdentifiersOrPins()
    {
        var cards = new List<string>();
        var result = DemoScenario.Run(TextWriter.Null, credential =>
        {
            cards.Add(credential.Kind == CredentialKind.Card ? credential.CardUidHex() : credential.Digits);
            return ScenarioDecision.Grant;
        });

        Assert.NotEmpty(cards);
        foreach (var secret in cards.Distinct())
        {
            Assert.DoesNotContain(result.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void CreateSteps_Times_NeverGoBackwards()
    {
        var steps = DemoScenario.CreateSteps();

        Assert.Equal(steps.Select(s => s.At).Order(), steps.Select(s => s.At));
    }
}
