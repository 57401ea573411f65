using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Privacy;
using GateController.Hardware.Gate;
using static GateController.Hardware.Tests.Gate.WithdrawalRig;

namespace GateController.Hardware.Tests.Gate;

public sealed class GateWithdrawalRouterTests : IDisposable
{
    private readonly WithdrawalRig _rig = new();

    [Fact]
    public void OwnCard_SequenceThenConfirm_WithdrawsTheirFaceAndTheCardStillOpens()
    {
        Assert.True(_rig.Tap(AliceCard).IsGranted);

        _rig.Type("*7#");
        var prompted = _rig.Outputs.Buzzer;
        var pendingDigits = _rig.PinEntry.PendingDigits;
        _rig.Type("1");

        Assert.Equal(BuzzerPattern.Prompt, prompted);
        Assert.Equal(0, pendingDigits);
        Assert.Equal(BuzzerPattern.Confirmed, _rig.Outputs.Buzzer);
        Assert.True(_rig.Outputs.GreenLed);
        var withdrawn = Assert.Single(_rig.Withdrawn);
        Assert.Equal(Alice, withdrawn.ResidentId);
        Assert.Equal(_rig.Gate.DoorId, withdrawn.DoorId);
        Assert.False(_rig.HasFace(Alice));
        Assert.True(_rig.HasFace(Bob));
        Assert.Equal([GateWithdrawalOutcomeKind.AwaitingConfirmation, GateWithdrawalOutcomeKind.Requested], _rig.Signals.Select(s => s.Kind));
        Assert.Equal(1, _rig.Router.Withdrawals);
        Assert.True(_rig.Tap(AliceCard).IsGranted);
        Assert.Equal(AccessReason.UnknownCredential, _rig.Face(Alice).Reason);
    }

    [Fact]
    public void OwnPin_SequenceThenConfirm_WithdrawsTheirFace()
    {
        _rig.Type(AlicePin + "#");
        Assert.True(_rig.Decisions[^1].IsGranted);

        _rig.Type("*7#1");

        Assert.Equal(Alice, Assert.Single(_rig.Withdrawn).ResidentId);
        Assert.False(_rig.HasFace(Alice));
        Assert.Single(_rig.Decisions);
    }

    [Fact]
    public void UnknownCard_Sequence_IsRejectedWithTheReasonAndChangesNothing()
    {
        Assert.Equal(AccessReason.UnknownCredential, _rig.Tap(UnknownCard).Reason);

        _rig.Type("*7#1");

        var rejected = Assert.Single(_rig.Signals);
        Assert.Equal(GateWithdrawalOutcomeKind.Rejected, rejected.Kind);
        Assert.Equal(GateWithdrawalSequence.UnknownCredentialReason, rejected.Reason);
        Assert.Equal(DoorResponse.Deny, rejected.Response);
        Assert.Empty(_rig.Withdrawn);
        Assert.True(_rig.HasFace(Alice));
        Assert.True(_rig.HasFace(Bob));
    }

    [Fact]
    public void SomeoneElsesPinInBetween_StartsOverForThemAndWithdrawsNobodyElse()
    {
        _rig.Tap(AliceCard);
        _rig.Type("*7");

        _rig.Type(BobPin + "#");
        var bobDecision = _rig.Decisions[^1];
        _rig.Type("#1");

        Assert.True(bobDecision.IsGranted);
        Assert.Equal(Bob, bobDecision.ResidentId);
        Assert.Empty(_rig.Withdrawn);
        Assert.True(_rig.HasFace(Alice));
        Assert.True(_rig.HasFace(Bob));
        Assert.Contains(_rig.Signals, s => s.Kind == GateWithdrawalOutcomeKind.Cancelled);

        _rig.Type("*" + BobPin + "#*7#1");

        Assert.Equal(Bob, Assert.Single(_rig.Withdrawn).ResidentId);
        Assert.True(_rig.HasFace(Alice));
    }

    [Fact]
    public void SomeoneElsesCardBeforeConfirming_CancelsAndConfirmKeyWithdrawsNobody()
    {
        _rig.Tap(AliceCard);
        _rig.Type("*7#");

        _rig.Tap(BobCard);
        _rig.Type("1");

        Assert.Empty(_rig.Withdrawn);
        Assert.True(_rig.HasFace(Alice));
        Assert.True(_rig.HasFace(Bob));
        var cancelled = Assert.Single(_rig.Signals, s => s.Kind == GateWithdrawalOutcomeKind.Cancelled);
        Assert.Equal(DoorResponse.None, cancelled.Response);
    }

    [Fact]
    public void ConfirmationTooLate_CancelsWithTheReasonAndWithdrawsNothing()
    {
        _rig.Tap(AliceCard);
        _rig.Type("*7#");

        _rig.Time.Advance(TimeSpan.FromSeconds(11));
        _rig.Type("1");

        Assert.Empty(_rig.Withdrawn);
        Assert.True(_rig.HasFace(Alice));
        var cancelled = Assert.Single(_rig.Signals, s => s.Kind == GateWithdrawalOutcomeKind.Cancelled);
        Assert.Contains("not confirmed", cancelled.Reason, StringComparison.Ordinal);
        Assert.Equal(DoorResponse.Deny, cancelled.Response);
        Assert.Equal(GateWithdrawalState.Idle, _rig.Router.State);
    }

    [Fact]
    public void FaceOfTheResidentWhileTyping_DoesNotInterruptTheirWithdrawal()
    {
        _rig.Tap(AliceCard);
        _rig.Type("*7#");

        Assert.True(_rig.Face(Alice).IsGranted);
        _rig.Type("1");

        Assert.Equal(Alice, Assert.Single(_rig.Withdrawn).ResidentId);
    }

    [Fact]
    public void FaceAlone_Sequence_IsRejected()
    {
        _rig.Face(Alice);

        _rig.Type("*7#1");

        Assert.Empty(_rig.Withdrawn);
        Assert.Equal(GateWithdrawalOutcomeKind.Rejected, Assert.Single(_rig.Signals).Kind);
        Assert.True(_rig.HasFace(Alice));
    }

    [Fact]
    public void CardWithoutFaceConsent_SequenceConfirmed_IsRejectedAsNothingToWithdraw()
    {
        _rig.Tap(CarolCard);

        _rig.Type("*7#1");

        Assert.Empty(_rig.Withdrawn);
        var rejected = _rig.Signals[^1];
        Assert.Equal(GateWithdrawalOutcomeKind.Rejected, rejected.Kind);
        Assert.Equal(DoorResponse.Deny, rejected.Response);
        Assert.Equal(1, _rig.Router.Rejections);
    }

    [Fact]
    public void PinTypedAfterACard_IsNotASequenceAndReachesPinEntry()
    {
        _rig.Tap(AliceCard);

        _rig.Type(BobPin + "#");

        Assert.Equal(Bob, _rig.Decisions[^1].ResidentId);
        Assert.True(_rig.Decisions[^1].IsGranted);
        Assert.Empty(_rig.Signals);
    }

    [Fact]
    public void KeysWhileIdle_PassStraightToPinEntry()
    {
        _rig.Type("*7");

        Assert.Equal(1, _rig.PinEntry.PendingDigits);
        Assert.Equal(GateWithdrawalState.Idle, _rig.Router.State);
    }

    public void Dispose() => _rig.Dispose();
}
