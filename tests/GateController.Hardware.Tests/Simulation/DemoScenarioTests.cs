using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Simulation.Scenarios;

namespace GateController.Hardware.Tests.Simulation;

public sealed class DemoScenarioTests
{
    [Fact]
    public void Run_AccessCore_EveryExpectationHolds()
    {
        var result = DemoScenario.Run(TextWriter.Null);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures));
        Assert.StartsWith("scenario passed: 50 steps, 41 door events", result.Lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("08:00:00.000  resident R0001 taps their card at \"front\" → Granted (Card) R0001 → unlocked (grant, 5 s pulse)  [relay on · green · buzzer granted]  GPIO17 high")]
    [InlineData("08:00:03.000  door contact: closed → door closed, relocked (door closed)  [relay off · red · buzzer silent]  GPIO17 low")]
    [InlineData("08:00:10.000  an unknown card is tapped at \"front\" → UnknownCredential (Card) → no door change  [relay off · red · buzzer denied]  GPIO17 low")]
    [InlineData("08:00:20.000  resident R0002 types their PIN at \"front\" → Granted (Pin) R0002 → unlocked (grant, 5 s pulse)  [relay on · green · buzzer granted]  GPIO17 high")]
    [InlineData("08:00:30.000  a visitor types the one-time code R0001 issued at \"front\" → Granted (VisitorCode) R0001 → unlocked (grant, 5 s pulse)  [relay on · green · buzzer granted]  GPIO17 high")]
    [InlineData("08:00:40.000  the same visitor code is typed again at \"front\" → VisitorCodeUsedUp (VisitorCode) R0001 → no door change  [relay off · red · buzzer denied]  GPIO17 low")]
    [InlineData("08:00:50.000  resident R0003 taps a card that expired at \"front\" → Expired (Card) R0003 → no door change  [relay off · red · buzzer denied]  GPIO17 low")]
    [InlineData("08:01:00.000  R0004 (daytime group, weekdays from 09:00) taps their card at \"front\" → OutsideSchedule (CardAndPin) R0004 → no door change  [relay off · red · buzzer denied]  GPIO17 low")]
    [InlineData("08:01:10.000  R0005, who moved out, taps their old card at \"front\" → ResidentMovedOut (Card) R0005 → no door change  [relay off · red · buzzer denied]  GPIO17 low")]
    [InlineData("08:01:24.000  wrong PIN 5 of 5 at \"front\" → UnknownCredential (Pin) → no door change  [relay off · red · buzzer locked out]  GPIO17 low")]
    [InlineData("08:01:24.025    ALARM keypad \"front\" locked out after 5 wrong attempts, for 60 s")]
    [InlineData("08:01:30.000  resident R0002 types their PIN during the lockout at \"front\" → LockedOut (Pin) → no door change  [relay off · red · buzzer locked out]  GPIO17 low")]
    [InlineData("08:02:30.000  resident R0002 types their PIN after the 60 s back-off at \"front\" → Granted (Pin) R0002 → unlocked (grant, 5 s pulse)  [relay on · green · buzzer granted]  GPIO17 high")]
    [InlineData("08:02:50.000  exit button pressed → unlocked (exit button, 5 s pulse)  [relay on · green · buzzer silent]  GPIO17 high")]
    [InlineData("08:03:00.000  resident R0006 types their duress PIN at \"front\" → Granted (Pin) R0006 → unlocked (grant, 5 s pulse)  [relay on · green · buzzer granted]  GPIO17 high")]
    [InlineData("08:03:00.025    SILENT DURESS alarm for R0006 (sent to the guard room; no local signal)")]
    [InlineData("08:03:51.030  the door is left open → HELD-OPEN alarm  [relay off · red · buzzer alarm]  GPIO17 low")]
    [InlineData("08:04:20.000  door contact: open → door open, FORCED-DOOR alarm  [relay off · red · buzzer alarm]  GPIO17 low")]
    [InlineData("08:05:00.000  fire alarm input active → fire release: door held unlocked  [relay on · green · buzzer silent]  GPIO17 high")]
    [InlineData("08:06:40.000  resident R0001 taps their card at \"front\" → Granted (Card) R0001 → no door change  [relay on · green · buzzer granted]  GPIO17 high")]
    [InlineData("08:08:00.000  fire alarm input cleared → fire release ended, relocked (fire alarm cleared)  [relay off · red · buzzer silent]  GPIO17 low")]
    [InlineData("08:09:00.000  tamper switch opened → TAMPER alarm  [relay off · red · buzzer alarm]  GPIO17 low")]
    [InlineData("08:11:00.000  the manual release runs out → relocked (manual release elapsed)  [relay off · red · buzzer silent]  GPIO17 low")]
    [InlineData("09:00:00.000  R0004 taps their card at 09:00 at \"front\" → SecondFactorRequired (CardAndPin) R0004 → no door change  [relay off · red · buzzer silent]  GPIO17 low")]
    [InlineData("09:00:03.000  R0004 types a wrong PIN after the card at \"front\" → SecondFactorWrong (CardAndPin) R0004 → no door change  [relay off · red · buzzer denied]  GPIO17 low")]
    [InlineData("09:00:13.000  R0004 types their PIN after the card at \"front\" → Granted (CardAndPin) R0004 → unlocked (grant, 5 s pulse)  [relay on · green · buzzer granted]  GPIO17 high")]
    public void Run_AccessCore_PrintsTimelineLine(string expectedLine)
    {
        var result = DemoScenario.Run(TextWriter.Null);

        Assert.Contains(expectedLine, result.Lines);
    }

    [Fact]
    public void Run_AccessCore_PrintsPolicyChecksBeforeTheTimeline()
    {
        var result = DemoScenario.Run(TextWriter.Null);

        Assert.StartsWith("policy \"residents\" at front-gate: valid — Card, Pin, CardAndPin, VisitorCode; any time; Asia/Shanghai", result.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("policy \"daytime\" at front-gate: valid — Pin, CardAndPin; Mon 09:00-18:00", result.Lines[1], StringComparison.Ordinal);
        Assert.Contains("holidays 2027-01-01 closed; Asia/Shanghai", result.Lines[1], StringComparison.Ordinal);
        Assert.Equal("policy \"face-only\" at front-gate: refused (P1), 2 problem(s):", result.Lines[2]);
        Assert.Contains("face (Face) must not be the only way in", result.Lines[3], StringComparison.Ordinal);
        Assert.Contains("resident R0001 would have face (Face) as their only way in", result.Lines[4], StringComparison.Ordinal);
        Assert.StartsWith("08:00:00.000", result.Lines[5], StringComparison.Ordinal);
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

        DemoScenario.Run(TextWriter.Null, credential =>
        {
            seen.Add(credential.Kind);
            return ScenarioDecision.Deny(AccessReason.UnknownCredential, AccessMethods.None);
        });

        CredentialKind[] expected =
        [
            CredentialKind.Card, CredentialKind.Card, CredentialKind.Pin, CredentialKind.VisitorCode, CredentialKind.VisitorCode,
            CredentialKind.Card, CredentialKind.Card, CredentialKind.Card,
            CredentialKind.Pin, CredentialKind.Pin, CredentialKind.Pin, CredentialKind.Pin, CredentialKind.Pin,
            CredentialKind.Pin, CredentialKind.Pin, CredentialKind.Pin, CredentialKind.Card, CredentialKind.Card,
            CredentialKind.Card, CredentialKind.Pin, CredentialKind.Card, CredentialKind.Pin,
        ];
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void Run_DecisionHookDeniesEverything_FailsNamingTheSteps()
    {
        var result = DemoScenario.Run(TextWriter.Null, _ => ScenarioDecision.Deny(AccessReason.UnknownCredential, AccessMethods.Card));

        Assert.False(result.Passed);
        Assert.Contains("FAIL  08:00:00.000  resident R0001 taps their card at \"front\": expected door events [Unlocked], got []", result.Failures);
        Assert.Contains("FAIL  08:00:00.000  resident R0001 taps their card at \"front\": expected decision Granted, got UnknownCredential", result.Failures);
        Assert.DoesNotContain(result.Failures, f => f.Contains("an unknown card", StringComparison.Ordinal));
        Assert.StartsWith("scenario FAILED", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DecisionHookGrantsEverything_FailsOnEveryRefusalStep()
    {
        var result = DemoScenario.Run(TextWriter.Null, _ => ScenarioDecision.Grant(AccessMethods.Card));

        Assert.Contains("FAIL  08:00:10.000  an unknown card is tapped at \"front\": expected decision UnknownCredential, got Granted", result.Failures);
        Assert.Contains("FAIL  08:01:24.000  wrong PIN 5 of 5 at \"front\": expected alarm KeypadLockedOut, got None", result.Failures);
        Assert.Contains("FAIL  08:03:00.000  resident R0006 types their duress PIN at \"front\": expected alarm Duress, got None", result.Failures);
    }

    [Fact]
    public void Run_AccessCore_NeverPrintsCardIdentifiersPinsOrNames()
    {
        var result = DemoScenario.Run(TextWriter.Null);
        var text = string.Join(Environment.NewLine, result.Lines);
        var directory = DemoCommunity.CreateDirectory(DemoScenario.Start);
        string[] secrets =
        [
            .. new[] { DemoCommunity.CardHolderCard, DemoCommunity.UnknownCard, DemoCommunity.ExpiredCard, DemoCommunity.DaytimeWorkerCard, DemoCommunity.MovedOutCard }
                .Select(Convert.ToHexString),
            DemoCommunity.CardHolderPin, DemoCommunity.PinHolderPin, DemoCommunity.DaytimeWorkerPin, DemoCommunity.DuressVictimPin,
            DemoCommunity.DuressVictimDuressPin, DemoCommunity.VisitorCode, .. DemoCommunity.WrongPins,
            .. directory.Residents.SelectMany(r => new[] { r.Name, r.Room! }),
        ];

        Assert.True(result.Passed);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void CreateSteps_Times_NeverGoBackwards()
    {
        var steps = DemoScenario.CreateSteps((_, _) => throw new InvalidOperationException("not played"));

        Assert.Equal(steps.Select(s => s.At).Order(), steps.Select(s => s.At));
    }

    [Fact]
    public void CreateSteps_CredentialSteps_EachExpectADecision()
    {
        var steps = DemoScenario.CreateSteps((_, _) => throw new InvalidOperationException("not played"));

        Assert.Equal(22, steps.Count(s => s.ExpectedReason is not null));
        Assert.All(steps.Where(s => s.ExpectedReason is not null), s => Assert.NotNull(s.Action));
    }
}
