using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Privacy;
using GateController.Core.Residents;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Core.Tests.Privacy;

public sealed class GateWithdrawalSequenceTests
{
    private static readonly ResidentId Alice = ResidentId.Parse("R0001");
    private static readonly ResidentId Bob = ResidentId.Parse("R0002");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public static TheoryData<AccessDecision, string> RejectedDecisions() => new()
    {
        { new AccessDecision(AccessReason.UnknownCredential, AccessMethods.Card, null, false), "unknown credential" },
        { new AccessDecision(AccessReason.FaceNotConsented, AccessMethods.Face, null, false), "unknown credential" },
        { new AccessDecision(AccessReason.Granted, AccessMethods.Face, Alice, false), "not a face" },
        { new AccessDecision(AccessReason.Expired, AccessMethods.Card, Alice, false), "credential not accepted (Expired)" },
        { new AccessDecision(AccessReason.SecondFactorWrong, AccessMethods.CardAndPin, Alice, false), "credential not accepted (SecondFactorWrong)" },
        { new AccessDecision(AccessReason.ResidentMovedOut, AccessMethods.Card, Alice, false), "credential not accepted (ResidentMovedOut)" },
        { new AccessDecision(AccessReason.Granted, AccessMethods.Pin, Alice, true), "credential not accepted" },
    };

    [Theory]
    [InlineData(AccessMethods.Card, AccessReason.Granted)]
    [InlineData(AccessMethods.Pin, AccessReason.Granted)]
    [InlineData(AccessMethods.CardAndPin, AccessReason.Granted)]
    [InlineData(AccessMethods.CardAndFace, AccessReason.Granted)]
    [InlineData(AccessMethods.Card, AccessReason.OutsideSchedule)]
    public void Sequence_OwnCredentialKeysAndConfirmation_RequestsWithdrawalAtGate(AccessMethods method, AccessReason reason)
    {
        var sequence = Create();

        Assert.Equal(GateWithdrawalOutcomeKind.None, sequence.OnCredentialDecided(new AccessDecision(reason, method, Alice, false)).Kind);
        Assert.Equal(GateWithdrawalState.EnteringSequence, sequence.State);
        Assert.Equal(GateWithdrawalOutcomeKind.Progress, sequence.OnKeyPressed('*').Kind);
        Assert.Equal(GateWithdrawalOutcomeKind.Progress, sequence.OnKeyPressed('7').Kind);
        Assert.Equal(GateWithdrawalOutcomeKind.AwaitingConfirmation, sequence.OnKeyPressed('#').Kind);
        _time.Advance(TimeSpan.FromSeconds(3));
        var outcome = sequence.OnKeyPressed('1');

        Assert.Equal(GateWithdrawalOutcomeKind.Requested, outcome.Kind);
        Assert.Equal(new WithdrawalRequested(Alice, ConsentChannel.Gate, _time.GetUtcNow()), outcome.Request);
        Assert.Equal(GateWithdrawalState.Idle, sequence.State);
    }

    [Theory]
    [MemberData(nameof(RejectedDecisions))]
    public void Sequence_AfterUnacceptedCredential_RejectedWithReasonNothingRequested(AccessDecision decision, string reason)
    {
        var sequence = Create();
        sequence.OnCredentialDecided(decision);

        var outcomes = Type(sequence, "*7#1");

        var rejected = Assert.Single(outcomes, o => o.Kind == GateWithdrawalOutcomeKind.Rejected);
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(outcomes, o => o.Request is not null);
        Assert.Equal(GateWithdrawalState.Idle, sequence.State);
    }

    [Fact]
    public void Sequence_UnknownCredential_ReasonIsExactlyUnknownCredential()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(new AccessDecision(AccessReason.UnknownCredential, AccessMethods.Card, null, false));

        var outcomes = Type(sequence, "*7#");

        Assert.Equal(GateWithdrawalSequence.UnknownCredentialReason, outcomes[^1].Reason);
        Assert.Equal("unknown credential", outcomes[^1].Reason);
    }

    [Fact]
    public void Sequence_AnotherResidentsCardBeforeConfirmation_CancelsAndCannotWithdrawTheFirst()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        Type(sequence, "*7#");

        var interrupted = sequence.OnCredentialDecided(Granted(Bob));
        var outcomes = Type(sequence, "1");

        Assert.Equal(GateWithdrawalOutcomeKind.Cancelled, interrupted.Kind);
        Assert.Equal(GateWithdrawalOutcomeKind.None, Assert.Single(outcomes).Kind);
        Assert.Equal(GateWithdrawalState.Idle, sequence.State);
    }

    [Fact]
    public void Sequence_AnotherResidentsCardMidSequence_OnlyTheLastCredentialCanWithdraw()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        Type(sequence, "*7");

        sequence.OnCredentialDecided(Granted(Bob));
        var outcomes = Type(sequence, "*7#1");

        Assert.Equal(Bob, outcomes[^1].Request?.ResidentId);
    }

    [Fact]
    public void Sequence_UnknownCardAfterResidentsCard_Rejected()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        Type(sequence, "*");

        sequence.OnCredentialDecided(new AccessDecision(AccessReason.UnknownCredential, AccessMethods.Card, null, false));
        var outcomes = Type(sequence, "*7#1");

        Assert.DoesNotContain(outcomes, o => o.Request is not null);
        Assert.Contains(outcomes, o => o.Kind == GateWithdrawalOutcomeKind.Rejected && o.Reason == "unknown credential");
    }

    [Theory]
    [InlineData("*8", 2)]
    [InlineData("*77", 3)]
    [InlineData("*7##", 0)]
    public void Sequence_WrongKey_CancelledWithReasonNothingRequested(string keys, int wrongKeyNumber)
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));

        var outcomes = Type(sequence, keys);

        var last = outcomes[^1];
        Assert.Equal(GateWithdrawalOutcomeKind.Cancelled, last.Kind);
        Assert.Contains(wrongKeyNumber == 0 ? "not the confirmation key" : $"key {wrongKeyNumber} of the withdrawal sequence was wrong", last.Reason, StringComparison.Ordinal);
        Assert.Equal(GateWithdrawalState.Idle, sequence.State);
        Assert.Equal(GateWithdrawalOutcomeKind.None, sequence.OnKeyPressed('1').Kind);
    }

    [Fact]
    public void Sequence_FirstKeyNotTheSequence_StaysQuiet()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));

        var outcome = sequence.OnKeyPressed('5');

        Assert.Equal(GateWithdrawalOutcomeKind.None, outcome.Kind);
        Assert.Equal(GateWithdrawalState.Idle, sequence.State);
    }

    [Fact]
    public void Sequence_SlowKey_CancelledAsTooSlow()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        Type(sequence, "*");

        _time.Advance(TimeSpan.FromSeconds(5) + TimeSpan.FromTicks(1));
        var outcome = sequence.OnKeyPressed('7');

        Assert.Equal(GateWithdrawalOutcomeKind.Cancelled, outcome.Kind);
        Assert.Contains("not entered within 5 s", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_KeysExactlyAtTimeout_Accepted()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        foreach (var key in "*7#")
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            sequence.OnKeyPressed(key);
        }

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(GateWithdrawalOutcomeKind.Requested, sequence.OnKeyPressed('1').Kind);
    }

    [Fact]
    public void Sequence_FirstKeyLongAfterCredential_Quiet()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        _time.Advance(TimeSpan.FromMinutes(1));

        var outcomes = Type(sequence, "*7#1");

        Assert.All(outcomes, o => Assert.Equal(GateWithdrawalOutcomeKind.None, o.Kind));
    }

    [Fact]
    public void Sequence_SlowConfirmation_CancelledNothingRequested()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        Type(sequence, "*7#");

        _time.Advance(TimeSpan.FromSeconds(11));
        var outcome = sequence.OnKeyPressed('1');

        Assert.Equal(GateWithdrawalOutcomeKind.Cancelled, outcome.Kind);
        Assert.Contains("not confirmed within 10 s", outcome.Reason, StringComparison.Ordinal);
        Assert.Null(outcome.Request);
    }

    [Fact]
    public void CheckTimeout_PendingConfirmationExpired_CancelledOnce()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        Type(sequence, "*7#");

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(GateWithdrawalOutcomeKind.None, sequence.CheckTimeout().Kind);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(GateWithdrawalOutcomeKind.Cancelled, sequence.CheckTimeout().Kind);
        Assert.Equal(GateWithdrawalOutcomeKind.None, sequence.CheckTimeout().Kind);
        Assert.Equal(GateWithdrawalState.Idle, sequence.State);
    }

    [Fact]
    public void CheckTimeout_ArmedButNoKeyTyped_ResetsQuietly()
    {
        var sequence = Create();
        sequence.OnCredentialDecided(Granted(Alice));
        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(GateWithdrawalOutcomeKind.None, sequence.CheckTimeout().Kind);
        Assert.Equal(GateWithdrawalState.Idle, sequence.State);
    }

    [Fact]
    public void OnKeyPressed_Idle_Ignored()
    {
        var sequence = Create();

        var outcomes = Type(sequence, "*7#1");

        Assert.All(outcomes, o => Assert.Equal(GateWithdrawalOutcomeKind.None, o.Kind));
    }

    [Fact]
    public void Sequence_ConfiguredKeys_UsedInsteadOfDefault()
    {
        var sequence = new GateWithdrawalSequence(new GateWithdrawalOptions { KeySequence = "A0", ConfirmationKey = '#' }, _time);
        sequence.OnCredentialDecided(Granted(Alice));

        Assert.Equal(Alice, Type(sequence, "A0#")[^1].Request?.ResidentId);
        sequence.OnCredentialDecided(Granted(Alice));
        Assert.Null(Type(sequence, "*7#1")[^1].Request);
    }

    [Fact]
    public void Constructor_OptionsChangedLater_KeepsCopy()
    {
        var options = new GateWithdrawalOptions();
        var sequence = new GateWithdrawalSequence(options, _time);
        options.KeySequence = "##";
        sequence.OnCredentialDecided(Granted(Alice));

        Assert.Equal(GateWithdrawalOutcomeKind.Requested, Type(sequence, "*7#1")[^1].Kind);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingSetting()
    {
        var exception = Assert.Throws<ArgumentException>(() => new GateWithdrawalSequence(new GateWithdrawalOptions { KeySequence = "1234" }, _time));

        Assert.Contains("KeySequence", exception.Message, StringComparison.Ordinal);
    }

    private static AccessDecision Granted(ResidentId resident) => new(AccessReason.Granted, AccessMethods.Card, resident, false);

    private GateWithdrawalSequence Create() => new(new GateWithdrawalOptions(), _time);

    private static List<GateWithdrawalOutcome> Type(GateWithdrawalSequence sequence, string keys) => keys.Select(sequence.OnKeyPressed).ToList();
}
