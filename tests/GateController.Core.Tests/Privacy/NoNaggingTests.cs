using GateController.Core.Access;
using GateController.Core.Credentials;
using static GateController.Core.Tests.Access.AccessFixtures;

namespace GateController.Core.Tests.Privacy;

/// <summary>
/// No nagging: a resident who declined face is treated at the gate exactly like one who consented when they use a card
/// or PIN. The decision carries nothing about consent, so the door's lights, buzzer and events cannot prompt them to enroll.
/// </summary>
public sealed class NoNaggingTests
{
    public static TheoryData<string, AccessMethods> Presentations => new()
    {
        { "card", AccessMethods.Card | AccessMethods.Face },
        { "card", AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face | AccessMethods.CardAndFace },
        { "pin", AccessMethods.Pin | AccessMethods.Face },
        { "card+pin", AccessMethods.CardAndPin | AccessMethods.Face },
    };

    [Theory]
    [MemberData(nameof(Presentations))]
    public void Decide_CardOrPinOfResidentWhoDeclinedFace_SameGrantAsAConsentingResident(string presentation, AccessMethods methods)
    {
        var (presented, credential) = presentation switch
        {
            "card" => (PresentedCredential.Card(), (CredentialRecord)AliceCard()),
            "pin" => (PresentedCredential.Pin(), new PinCredential(Alice.Id, default)),
            _ => (PresentedCredential.CardWithPin(), AliceCard()),
        };
        var lookup = CredentialLookup.Found(Alice, credential) with { SecondFactor = SecondFactorOutcome.Matched };
        var policy = Policy(methods);

        var declined = AccessPolicy.Decide(presented, lookup with { HasActiveFaceConsent = false }, policy, WednesdayMorning);
        var consented = AccessPolicy.Decide(presented, lookup with { HasActiveFaceConsent = true }, policy, WednesdayMorning);

        Assert.Equal(AccessReason.Granted, declined.Reason);
        Assert.Equal(consented, declined);
    }

    [Fact]
    public void AccessReason_NoReasonAsksAResidentToEnroll()
    {
        var names = Enum.GetNames<AccessReason>();

        Assert.DoesNotContain(names, n => n.Contains("Enrol", StringComparison.OrdinalIgnoreCase) || n.Contains("Register", StringComparison.OrdinalIgnoreCase));
    }
}
