using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Simulation.Scenarios;

namespace GateController.Hardware.Tests.Simulation;

public sealed class DemoBoardTests
{
    [Fact]
    public void TapCard_GrantingDecision_CardArrivesDecodedAndRelayLineGoesHigh()
    {
        using var runner = new ScenarioRunner(DemoScenario.CreateDoorOptions(), DemoScenario.Start, TextWriter.Null);
        var seen = new List<string>();
        using var board = new DemoBoard(runner, credential =>
        {
            seen.Add(credential.Kind == CredentialKind.Card ? $"{credential.CardFormat} {credential.CardUidHex()} {credential.ReaderId}" : "other");
            return ScenarioDecision.Grant(AccessMethods.Card);
        });
        Assert.False(board.RelayLineHigh);

        var detail = board.TapCard(DemoCommunity.CardHolderCard);

        Assert.Equal(["Wiegand26 2A3039 front"], seen);
        Assert.Equal("Granted (Card)", detail);
        Assert.True(board.RelayLineHigh);
        runner.Clock.Advance(DemoScenario.CreateDoorOptions().PulseDuration);
        Assert.False(board.RelayLineHigh);
    }

    [Fact]
    public void TypePin_KeypadBursts_PinAssembledFromTheKeysAndGranted()
    {
        using var runner = new ScenarioRunner(DemoScenario.CreateDoorOptions(), DemoScenario.Start, TextWriter.Null);
        var seen = new List<string>();
        using var board = new DemoBoard(runner, credential =>
        {
            seen.Add($"{credential.Kind} {credential.Digits}");
            return credential.Digits == "739215" ? ScenarioDecision.Grant(AccessMethods.Pin) : ScenarioDecision.Deny(AccessReason.UnknownCredential, AccessMethods.Pin);
        });

        board.TypePin("739215");

        Assert.Equal(["Pin 739215"], seen);
        Assert.True(board.RelayLineHigh);
    }

    [Fact]
    public void TypePin_AfterACard_KeysFormThePinInsteadOfAFollowUpSequence()
    {
        using var runner = new ScenarioRunner(DemoScenario.CreateDoorOptions(), DemoScenario.Start, TextWriter.Null);
        var seen = new List<CredentialKind>();
        using var board = new DemoBoard(runner, credential =>
        {
            seen.Add(credential.Kind);
            return ScenarioDecision.Deny(AccessReason.SecondFactorRequired, AccessMethods.CardAndPin);
        });

        board.TapCard(DemoCommunity.DaytimeWorkerCard);
        runner.Clock.Advance(TimeSpan.FromSeconds(2));
        board.TypePin("864213");

        Assert.Equal([CredentialKind.Card, CredentialKind.Pin], seen);
    }

    [Fact]
    public void TapCard_DenyingDecision_RelayLineStaysLow()
    {
        using var runner = new ScenarioRunner(DemoScenario.CreateDoorOptions(), DemoScenario.Start, TextWriter.Null);
        using var board = new DemoBoard(runner, _ => ScenarioDecision.Deny(AccessReason.UnknownCredential, AccessMethods.Card));

        board.TapCard(DemoCommunity.UnknownCard);

        Assert.False(board.RelayLineHigh);
        Assert.Equal(Core.Door.BuzzerPattern.Denied, runner.Door.Outputs.Buzzer);
    }

    [Fact]
    public void Dispose_WhileUnlocked_RelayLineReleasedLow()
    {
        using var runner = new ScenarioRunner(DemoScenario.CreateDoorOptions(), DemoScenario.Start, TextWriter.Null);
        var board = new DemoBoard(runner, _ => ScenarioDecision.Grant(AccessMethods.Card));
        board.TapCard(DemoCommunity.CardHolderCard);
        Assert.True(board.RelayLineHigh);

        board.Dispose();

        Assert.False(board.RelayLineHigh);
    }

    [Fact]
    public void FireAlarm_ThroughItsLine_HoldsTheRelayLineHighUntilCleared()
    {
        using var runner = new ScenarioRunner(DemoScenario.CreateDoorOptions(), DemoScenario.Start, TextWriter.Null);
        using var board = new DemoBoard(runner, _ => ScenarioDecision.Grant(AccessMethods.Card));

        board.FireAlarm(active: true);
        runner.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(board.RelayLineHigh);
        board.FireAlarm(active: false);

        Assert.False(board.RelayLineHigh);
    }

    [Fact]
    public void Run_AccessCore_EveryTimelineLineShowsTheRelayLineAsTheOutputsSay()
    {
        var result = DemoScenario.Run(TextWriter.Null);
        var doorLines = result.Lines.Where(l => l.Contains("[relay ", StringComparison.Ordinal)).ToArray();

        Assert.True(result.Passed);
        Assert.True(doorLines.Length > 40);
        Assert.All(doorLines, l => Assert.EndsWith(l.Contains("[relay on", StringComparison.Ordinal) ? "GPIO17 high" : "GPIO17 low", l, StringComparison.Ordinal));
    }
}
