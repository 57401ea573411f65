using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Events;
using GateController.Core.Residents;
using static GateController.Storage.Tests.Access.GateCommunity;

namespace GateController.Storage.Tests.Access;

/// <summary>The access gate's decisions, the same tables over the store's directory and the simulation's.</summary>
public sealed class AccessGateTests
{
    // Face must not be the only way in (P1): the card+face door lets residents in by PIN as well.
    private const AccessMethods CardAndFaceDoor = AccessMethods.CardAndFace | AccessMethods.Pin;

    public static TheoryData<string, string, AccessReason, AccessMethods, string?> SingleCredentials()
    {
        var data = new TheoryData<string, string, AccessReason, AccessMethods, string?>();
        foreach (var kind in new[] { "store", "simulated" })
        {
            data.Add(kind, "card:alice", AccessReason.Granted, AccessMethods.Card, "R0001");
            data.Add(kind, "card:bob-wiegand", AccessReason.Granted, AccessMethods.Card, "R0002");
            data.Add(kind, "card:bob-as-mifare", AccessReason.UnknownCredential, AccessMethods.Card, null);
            data.Add(kind, "card:unknown", AccessReason.UnknownCredential, AccessMethods.Card, null);
            data.Add(kind, "card:carol-moved-out", AccessReason.ResidentMovedOut, AccessMethods.Card, "R0003");
            data.Add(kind, "pin:alice", AccessReason.Granted, AccessMethods.Pin, "R0001");
            data.Add(kind, "pin:bob", AccessReason.Granted, AccessMethods.Pin, "R0002");
            data.Add(kind, "pin:wrong", AccessReason.UnknownCredential, AccessMethods.Pin, null);
            data.Add(kind, "face:alice", AccessReason.Granted, AccessMethods.Face, "R0001");
            data.Add(kind, "face:alice-spoof", AccessReason.LivenessFailed, AccessMethods.Face, null);
            data.Add(kind, "face:bob-no-consent", AccessReason.UnknownCredential, AccessMethods.Face, null);
            data.Add(kind, "face:carol-moved-out", AccessReason.UnknownCredential, AccessMethods.Face, null);
            data.Add(kind, "face:nobody-known", AccessReason.UnknownCredential, AccessMethods.Face, null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SingleCredentials))]
    public void Decide_Credential_DecidesAndNamesOnlyWhomItMay(string kind, string credential, AccessReason reason, AccessMethods method, string? resident)
    {
        using var community = Create(kind);

        var decision = community.Gate.Decide(credential switch
        {
            "card:alice" => community.Card(AliceCard),
            "card:bob-wiegand" => community.Card(BobCard, CardFormat.Wiegand26),
            "card:bob-as-mifare" => community.Card(BobCard),
            "card:unknown" => community.Card(UnknownCard),
            "card:carol-moved-out" => community.Card(CarolCard),
            "pin:alice" => community.Pin(AlicePin),
            "pin:bob" => community.Pin(BobPin),
            "pin:wrong" => community.Pin("999999"),
            "face:alice" => community.Face(Alice),
            "face:alice-spoof" => community.Face(Alice, liveness: false),
            "face:bob-no-consent" => community.Face(Bob),
            "face:carol-moved-out" => community.Face(Carol),
            "face:nobody-known" => community.Face(ResidentId.Parse("R9999")),
            _ => throw new ArgumentException(credential, nameof(credential)),
        });

        Assert.Equal(reason, decision.Reason);
        Assert.Equal(method, decision.Decision.Method);
        Assert.Equal(resident, decision.ResidentId?.Value);
        Assert.False(decision.Decision.IsDuress);
        Assert.Empty(decision.Alarms);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_DuressPin_GrantsWithSilentAlarm(string kind)
    {
        using var community = Create(kind);

        var decision = community.Gate.Decide(community.Pin(AliceDuressPin));

        Assert.True(decision.IsGranted);
        Assert.True(decision.Decision.IsDuress);
        Assert.Equal(Alice, decision.ResidentId);
        var alarm = Assert.IsType<DuressAlarmRaised>(Assert.Single(decision.Alarms));
        Assert.Equal(Alice, alarm.ResidentId);
        Assert.Equal(Door, alarm.DoorId);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_FaceAfterConsentWithdrawnAtGate_IsUnknownButCardStillOpens(string kind)
    {
        using var community = Create(kind);
        Assert.True(community.Gate.Decide(community.Face(Alice)).IsGranted);

        Assert.True(community.Harness.Directory.WithdrawFaceConsentAtGate(Alice, community.Harness.Time.GetUtcNow()));
        var face = community.Gate.Decide(community.Face(Alice));
        var card = community.Gate.Decide(community.Card(AliceCard));

        Assert.Equal(AccessReason.UnknownCredential, face.Reason);
        Assert.Null(face.ResidentId);
        Assert.False(community.Harness.HasFaceTemplate(Alice));
        Assert.True(card.IsGranted);
        Assert.False(community.Harness.Directory.WithdrawFaceConsentAtGate(Alice, community.Harness.Time.GetUtcNow()));
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_CardThenPinAtCardAndPinDoor_GrantsOnlyTheHoldersPin(string kind)
    {
        using var community = Create(kind, AccessMethods.CardAndPin);
        var gate = community.Gate;

        var card = gate.Decide(community.Card(AliceCard));
        Assert.True(gate.IsAwaitingPin(Reader));
        var wrong = gate.Decide(community.Pin(BobPin));
        gate.Decide(community.Card(AliceCard));
        var right = gate.Decide(community.Pin(AlicePin));
        gate.Decide(community.Card(AliceCard));
        var duress = gate.Decide(community.Pin(AliceDuressPin));

        Assert.Equal(AccessReason.SecondFactorRequired, card.Reason);
        Assert.True(card.AwaitsSecondFactor);
        Assert.Equal(Alice, card.ResidentId);
        Assert.Equal(AccessReason.SecondFactorWrong, wrong.Reason);
        Assert.Equal(AccessReason.Granted, right.Reason);
        Assert.Equal(AccessMethods.CardAndPin, right.Decision.Method);
        Assert.True(duress.IsGranted);
        Assert.True(duress.Decision.IsDuress);
        Assert.IsType<DuressAlarmRaised>(Assert.Single(duress.Alarms));
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_PinAfterTheCardsWaitEnded_IsJudgedAsAPinAlone(string kind)
    {
        using var community = Create(kind, AccessMethods.CardAndPin);
        community.Gate.Decide(community.Card(AliceCard));

        community.Time.Advance(TimeSpan.FromSeconds(11));
        var pin = community.Gate.Decide(community.Pin(AlicePin));

        Assert.Equal(AccessReason.MethodNotAllowed, pin.Reason);
        Assert.False(community.Gate.IsAwaitingPin(Reader));
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_FaceAfterCardAtCardAndFaceDoor_IsTheSecondFactorOnlyForTheHolder(string kind)
    {
        using var community = Create(kind, CardAndFaceDoor);
        var gate = community.Gate;

        var card = gate.Decide(community.Card(AliceCard));
        Assert.Equal(Alice, gate.CardAwaitingFace);
        var otherFace = gate.Decide(community.Face(Bob));
        var stillWaiting = gate.CardAwaitingFace;
        var ownFace = gate.Decide(community.Face(Alice));

        Assert.Equal(AccessReason.SecondFactorRequired, card.Reason);
        Assert.Equal(AccessReason.MethodNotAllowed, otherFace.Reason);
        Assert.Null(otherFace.ResidentId);
        Assert.Equal(Alice, stillWaiting);
        Assert.Equal(AccessReason.Granted, ownFace.Reason);
        Assert.Equal(AccessMethods.CardAndFace, ownFace.Decision.Method);
        Assert.Equal(Alice, ownFace.ResidentId);
        Assert.Null(gate.CardAwaitingFace);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_FaceAfterCardOfResidentWithoutConsent_RefusesNamingNobody(string kind)
    {
        using var community = Create(kind, CardAndFaceDoor);
        community.Gate.Decide(community.Card(BobCard, CardFormat.Wiegand26));

        var face = community.Gate.Decide(community.Face(Bob));

        Assert.Equal(AccessReason.FaceNotConsented, face.Reason);
        Assert.Null(face.ResidentId);
        Assert.Equal(AccessReason.UnknownCredential, face.ToEvent().Reason);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_FaceAfterTheCardsWaitEnded_IsNotASecondFactor(string kind)
    {
        using var community = Create(kind, CardAndFaceDoor);
        community.Gate.Decide(community.Card(AliceCard));

        community.Time.Advance(TimeSpan.FromSeconds(11));
        var face = community.Gate.Decide(community.Face(Alice));

        Assert.Equal(AccessReason.MethodNotAllowed, face.Reason);
        Assert.Null(community.Gate.CardAwaitingFace);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_FiveWrongPins_LocksTheKeypadAndRefusesTheRightPin(string kind)
    {
        using var community = Create(kind);
        var decisions = new List<GateDecision>();
        for (var i = 0; i < PinAttemptOptions.LargestAllowedWrongAttempts; i++)
        {
            decisions.Add(community.Gate.Decide(community.Pin("99999" + i)));
        }

        var during = community.Gate.Decide(community.Pin(AlicePin));
        var card = community.Gate.Decide(community.Card(AliceCard));
        community.Time.Advance(TimeSpan.FromMinutes(1));
        var after = community.Gate.Decide(community.Pin(AlicePin));

        Assert.All(decisions, d => Assert.Equal(AccessReason.UnknownCredential, d.Reason));
        Assert.All(decisions.Take(4), d => Assert.False(d.LockedOut));
        Assert.True(decisions[^1].LockedOut);
        Assert.IsType<KeypadLockedOut>(Assert.Single(decisions[^1].Alarms));
        Assert.Equal(AccessReason.LockedOut, during.Reason);
        Assert.True(during.LockedOut);
        Assert.True(card.IsGranted);
        Assert.True(after.IsGranted);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_VisitorCodeWithTwoUses_OpensTwiceThenIsUsedUp(string kind)
    {
        using var community = Create(kind);
        var code = community.Harness.IssueVisitorCode(Alice, TimeSpan.FromHours(4), uses: 2);

        var first = community.Gate.Decide(community.Pin(code));
        var second = community.Gate.Decide(community.VisitorCode(code));
        var third = community.Gate.Decide(community.Pin(code));

        Assert.Equal(AccessReason.Granted, first.Reason);
        Assert.Equal(AccessMethods.VisitorCode, first.Decision.Method);
        Assert.Equal(Alice, first.ResidentId);
        Assert.True(second.IsGranted);
        Assert.Equal(AccessReason.VisitorCodeUsedUp, third.Reason);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_VisitorCodeAfterItsWindow_IsExpiredAndKeepsItsUse(string kind)
    {
        using var community = Create(kind);
        var code = community.Harness.IssueVisitorCode(Alice, TimeSpan.FromHours(4), uses: 1);

        community.Time.Advance(TimeSpan.FromHours(4));
        var late = community.Gate.Decide(community.Pin(code));

        Assert.Equal(AccessReason.Expired, late.Reason);
        Assert.Equal(0, community.Harness.Directory.FindVisitorCode(code)!.UsesConsumed);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_VisitorCodeOfMovedOutIssuer_IsRefused(string kind)
    {
        using var community = Create(kind);
        var code = community.Harness.IssueVisitorCode(Dave, TimeSpan.FromHours(4), uses: 1);
        community.Harness.MoveOut(Dave);

        var decision = community.Gate.Decide(community.Pin(code));

        Assert.Equal(AccessReason.ResidentMovedOut, decision.Reason);
    }

    [Theory]
    [MemberData(nameof(DirectoryKinds), MemberType = typeof(GateCommunity))]
    public void Decide_VisitorCodeAtDoorWithoutVisitors_IsNotAllowed(string kind)
    {
        using var community = Create(kind, AccessMethods.Card | AccessMethods.Pin);
        var code = community.Harness.IssueVisitorCode(Alice, TimeSpan.FromHours(4), uses: 1);

        var decision = community.Gate.Decide(community.Pin(code));

        Assert.Equal(AccessReason.MethodNotAllowed, decision.Reason);
        Assert.Equal(0, community.Harness.Directory.FindVisitorCode(code)!.UsesConsumed);
    }
}
