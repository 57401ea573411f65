using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using static GateController.Core.Tests.Access.AccessFixtures;

namespace GateController.Core.Tests.Access;

public sealed class AccessPolicyDecideTests
{
    private const AccessMethods Everything = AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face
        | AccessMethods.CardAndPin | AccessMethods.CardAndFace | AccessMethods.VisitorCode;

    public static TheoryData<DecideCase> Cases => new()
    {
        // Granted, by every method.
        new("card granted", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Card),
        new("pin granted", PresentedCredential.Pin(), CredentialLookup.Found(Alice, Pin()), Policy(AccessMethods.Pin), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Pin),
        new("face granted", PresentedCredential.Face(true), FaceLookup(consented: true), Policy(AccessMethods.Card | AccessMethods.Face), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Face),
        new("card+pin granted", PresentedCredential.CardWithPin(), CardLookup(SecondFactorOutcome.Matched), Policy(AccessMethods.CardAndPin), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.CardAndPin),
        new("card+face granted", PresentedCredential.CardWithFace(true), CardLookup(SecondFactorOutcome.Matched, consented: true), Policy(AccessMethods.CardAndFace | AccessMethods.Pin), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.CardAndFace),
        new("visitor code granted", PresentedCredential.VisitorCode(), CredentialLookup.Found(Alice, Visitor(uses: 2, consumed: 1)), Policy(AccessMethods.Pin | AccessMethods.VisitorCode), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.VisitorCode),
        new("card with pin at card-only door counts as card", PresentedCredential.CardWithPin(), CardLookup(SecondFactorOutcome.NotChecked), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Card),
        new("inside schedule granted", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), OfficeHours(AccessMethods.Card), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Card),
        new("validity window inside granted", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard(new(WednesdayMorning.AddDays(-1), WednesdayMorning.AddDays(1)))), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Card),

        // Duress.
        new("duress pin granted with flag", PresentedCredential.Pin(), CredentialLookup.Found(Alice, Pin()) with { IsDuressPin = true }, Policy(AccessMethods.Pin), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Pin, Duress: true),
        new("duress pin after card granted with flag", PresentedCredential.CardWithPin(), CardLookup(SecondFactorOutcome.Matched) with { IsDuressPin = true }, Policy(AccessMethods.CardAndPin), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.CardAndPin, Duress: true),

        // Unknown.
        new("unknown card", PresentedCredential.Card(), CredentialLookup.NotFound, Policy(AccessMethods.Card), WednesdayMorning, AccessReason.UnknownCredential, null, AccessMethods.Card),
        new("unknown pin", PresentedCredential.Pin(), CredentialLookup.NotFound, Policy(AccessMethods.Pin), WednesdayMorning, AccessReason.UnknownCredential, null, AccessMethods.Pin),
        new("unknown face", PresentedCredential.Face(true), CredentialLookup.NotFound, Policy(AccessMethods.Card | AccessMethods.Face), WednesdayMorning, AccessReason.UnknownCredential, null, AccessMethods.Face),
        new("record of another kind is unknown", PresentedCredential.Card(), CredentialLookup.Found(Alice, Pin()), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.UnknownCredential, null, AccessMethods.Card),
        new("record of another resident is unknown", PresentedCredential.Card(), CredentialLookup.Found(Bob, AliceCard()), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.UnknownCredential, null, AccessMethods.Card),

        // Validity.
        new("card not yet valid", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard(new(WednesdayMorning.AddSeconds(1), null))), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.NotYetValid, Alice.Id, AccessMethods.Card),
        new("card expired at its end", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard(new(null, WednesdayMorning))), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.Expired, Alice.Id, AccessMethods.Card),
        new("visitor code expired", PresentedCredential.VisitorCode(), CredentialLookup.Found(Alice, Visitor(uses: 1, consumed: 0, hoursFromNow: -1)), Policy(AccessMethods.Pin | AccessMethods.VisitorCode), WednesdayMorning, AccessReason.Expired, Alice.Id, AccessMethods.VisitorCode),

        // Schedule.
        new("saturday outside schedule", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), OfficeHours(AccessMethods.Card), new DateTimeOffset(2026, 11, 28, 10, 0, 0, Beijing), AccessReason.OutsideSchedule, Alice.Id, AccessMethods.Card),
        new("wednesday 19:00 outside schedule", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), OfficeHours(AccessMethods.Card), new DateTimeOffset(2026, 11, 25, 19, 0, 0, Beijing), AccessReason.OutsideSchedule, Alice.Id, AccessMethods.Card),
        new("12:00 UTC is 20:00 in Beijing, outside schedule", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), OfficeHours(AccessMethods.Card), new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), AccessReason.OutsideSchedule, Alice.Id, AccessMethods.Card),
        new("Tuesday 23:30 UTC is Wednesday 07:30 in Beijing, granted", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), OfficeHours(AccessMethods.Card), new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero), AccessReason.Granted, Alice.Id, AccessMethods.Card),

        // Second factor.
        new("card at card+pin door without pin", PresentedCredential.Card(), CardLookup(SecondFactorOutcome.NotChecked), Policy(AccessMethods.CardAndPin), WednesdayMorning, AccessReason.SecondFactorRequired, Alice.Id, AccessMethods.CardAndPin),
        new("card at card+face door without face", PresentedCredential.Card(), CardLookup(SecondFactorOutcome.NotChecked, consented: true), Policy(AccessMethods.CardAndFace | AccessMethods.Pin), WednesdayMorning, AccessReason.SecondFactorRequired, Alice.Id, AccessMethods.CardAndFace),
        new("card+pin with pin not checked", PresentedCredential.CardWithPin(), CardLookup(SecondFactorOutcome.NotChecked), Policy(AccessMethods.CardAndPin), WednesdayMorning, AccessReason.SecondFactorRequired, Alice.Id, AccessMethods.CardAndPin),
        new("card+pin with wrong pin", PresentedCredential.CardWithPin(), CardLookup(SecondFactorOutcome.Mismatched), Policy(AccessMethods.CardAndPin), WednesdayMorning, AccessReason.SecondFactorWrong, Alice.Id, AccessMethods.CardAndPin),
        new("card+face with other face", PresentedCredential.CardWithFace(true), CardLookup(SecondFactorOutcome.Mismatched, consented: true), Policy(AccessMethods.CardAndFace | AccessMethods.Pin), WednesdayMorning, AccessReason.SecondFactorWrong, Alice.Id, AccessMethods.CardAndFace),

        // Lockout.
        new("pin on locked keypad", PresentedCredential.Pin(), CredentialLookup.Found(Alice, Pin()) with { KeypadLockedOut = true }, Policy(AccessMethods.Pin), WednesdayMorning, AccessReason.LockedOut, null, AccessMethods.Pin),
        new("unknown pin on locked keypad", PresentedCredential.Pin(), CredentialLookup.NotFound with { KeypadLockedOut = true }, Policy(AccessMethods.Pin), WednesdayMorning, AccessReason.LockedOut, null, AccessMethods.Pin),
        new("card+pin on locked keypad", PresentedCredential.CardWithPin(), CardLookup(SecondFactorOutcome.Matched) with { KeypadLockedOut = true }, Policy(AccessMethods.CardAndPin), WednesdayMorning, AccessReason.LockedOut, null, AccessMethods.CardAndPin),
        new("card alone ignores keypad lockout", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()) with { KeypadLockedOut = true }, Policy(AccessMethods.Card), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Card),

        // Face consent and liveness.
        new("face without consent", PresentedCredential.Face(true), FaceLookup(consented: false), Policy(AccessMethods.Card | AccessMethods.Face), WednesdayMorning, AccessReason.FaceNotConsented, null, AccessMethods.Face),
        new("card+face without consent", PresentedCredential.CardWithFace(true), CardLookup(SecondFactorOutcome.Matched, consented: false), Policy(AccessMethods.CardAndFace | AccessMethods.Pin), WednesdayMorning, AccessReason.FaceNotConsented, null, AccessMethods.CardAndFace),
        new("face failing liveness", PresentedCredential.Face(false), FaceLookup(consented: true), Policy(AccessMethods.Card | AccessMethods.Face), WednesdayMorning, AccessReason.LivenessFailed, null, AccessMethods.Face),
        new("unmatched face failing liveness", PresentedCredential.Face(false), CredentialLookup.NotFound, Policy(AccessMethods.Card | AccessMethods.Face), WednesdayMorning, AccessReason.LivenessFailed, null, AccessMethods.Face),
        new("card+face failing liveness", PresentedCredential.CardWithFace(false), CardLookup(SecondFactorOutcome.Matched, consented: true), Policy(AccessMethods.CardAndFace | AccessMethods.Pin), WednesdayMorning, AccessReason.LivenessFailed, Alice.Id, AccessMethods.CardAndFace),

        // Moved out.
        new("moved-out resident's card", PresentedCredential.Card(), CredentialLookup.Found(Bob, new CardCredential(Bob.Id, CardFormat.Wiegand26, [1, 2, 3], default)), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.ResidentMovedOut, Bob.Id, AccessMethods.Card),
        new("moved-out resident's visitor code", PresentedCredential.VisitorCode(), CredentialLookup.Found(Bob, new VisitorCodeCredential(Bob.Id, new(WednesdayMorning.AddHours(-1), WednesdayMorning.AddHours(1)), 1, 0)), Policy(AccessMethods.Card | AccessMethods.VisitorCode), WednesdayMorning, AccessReason.ResidentMovedOut, Bob.Id, AccessMethods.VisitorCode),

        // Visitor code uses.
        new("one-time code used", PresentedCredential.VisitorCode(), CredentialLookup.Found(Alice, Visitor(uses: 1, consumed: 1)), Policy(AccessMethods.Pin | AccessMethods.VisitorCode), WednesdayMorning, AccessReason.VisitorCodeUsedUp, Alice.Id, AccessMethods.VisitorCode),
        new("three-use code used three times", PresentedCredential.VisitorCode(), CredentialLookup.Found(Alice, Visitor(uses: 3, consumed: 3)), Policy(AccessMethods.Pin | AccessMethods.VisitorCode), WednesdayMorning, AccessReason.VisitorCodeUsedUp, Alice.Id, AccessMethods.VisitorCode),

        // Method not enabled.
        new("face at a card and pin door", PresentedCredential.Face(true), FaceLookup(consented: true), Policy(AccessMethods.Card | AccessMethods.Pin), WednesdayMorning, AccessReason.MethodNotAllowed, null, AccessMethods.None),
        new("pin at a card door", PresentedCredential.Pin(), CredentialLookup.Found(Alice, Pin()), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.MethodNotAllowed, null, AccessMethods.None),
        new("card at a pin door", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), Policy(AccessMethods.Pin), WednesdayMorning, AccessReason.MethodNotAllowed, null, AccessMethods.None),
        new("visitor code at a card door", PresentedCredential.VisitorCode(), CredentialLookup.Found(Alice, Visitor(1, 0)), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.MethodNotAllowed, null, AccessMethods.None),
        new("unknown card at a pin door", PresentedCredential.Card(), CredentialLookup.NotFound, Policy(AccessMethods.Pin), WednesdayMorning, AccessReason.MethodNotAllowed, null, AccessMethods.None),

        // Order: the first failing check decides.
        new("moved out beats expired", PresentedCredential.Card(), CredentialLookup.Found(Bob, new CardCredential(Bob.Id, CardFormat.Mifare, [9], new(null, WednesdayMorning.AddDays(-1)))), Policy(AccessMethods.Card), WednesdayMorning, AccessReason.ResidentMovedOut, Bob.Id, AccessMethods.Card),
        new("expired beats outside schedule", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard(new(null, WednesdayMorning.AddDays(-1)))), OfficeHours(AccessMethods.Card), new DateTimeOffset(2026, 11, 28, 10, 0, 0, Beijing), AccessReason.Expired, Alice.Id, AccessMethods.Card),
        new("outside schedule beats second factor", PresentedCredential.Card(), CardLookup(SecondFactorOutcome.NotChecked), OfficeHours(AccessMethods.CardAndPin), new DateTimeOffset(2026, 11, 28, 10, 0, 0, Beijing), AccessReason.OutsideSchedule, Alice.Id, AccessMethods.CardAndPin),
        new("all methods, card alone granted", PresentedCredential.Card(), CredentialLookup.Found(Alice, AliceCard()), Policy(Everything), WednesdayMorning, AccessReason.Granted, Alice.Id, AccessMethods.Card),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Case_ReturnsExpectedDecision(DecideCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var decision = AccessPolicy.Decide(testCase.Presented, testCase.Lookup, testCase.Policy, testCase.Now);

        Assert.Equal(testCase.Expected, decision.Reason);
        Assert.Equal(testCase.ExpectedResident, decision.ResidentId);
        Assert.Equal(testCase.ExpectedMethod, decision.Method);
        Assert.Equal(testCase.Duress, decision.IsDuress);
        Assert.Equal(testCase.Expected == AccessReason.Granted, decision.IsGranted);
    }

    [Fact]
    public void Cases_CoverEveryReason()
    {
        var covered = ((IEnumerable<object[]>)Cases).Select(row => ((DecideCase)row[0]).Expected).ToHashSet();

        // AccessGroupUnknown is the gate's own refusal (a group it has no policy for), covered in AccessGateGroupTests.
        Assert.Equal(Enum.GetValues<AccessReason>().Where(r => r != AccessReason.AccessGroupUnknown).ToHashSet(), covered);
    }

    [Fact]
    public void Decide_NullPolicy_Throws() =>
        Assert.Throws<ArgumentNullException>(() => AccessPolicy.Decide(PresentedCredential.Card(), CredentialLookup.NotFound, null!, WednesdayMorning));

    [Fact]
    public void Decide_AfterWarmUp_AllocatesNothing()
    {
        var policy = OfficeHours(AccessMethods.Card | AccessMethods.Pin);
        var card = PresentedCredential.Card();
        var found = CredentialLookup.Found(Alice, AliceCard());
        var pin = PresentedCredential.Pin();
        var unknown = CredentialLookup.NotFound;
        for (var i = 0; i < 100; i++)
        {
            AccessPolicy.Decide(card, found, policy, WednesdayMorning);
            AccessPolicy.Decide(pin, unknown, policy, WednesdayMorning);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var granted = 0;
        for (var i = 0; i < 1000; i++)
        {
            granted += AccessPolicy.Decide(card, found, policy, WednesdayMorning.AddMinutes(i)).IsGranted ? 1 : 0;
            granted += AccessPolicy.Decide(pin, unknown, policy, WednesdayMorning).IsGranted ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(540, granted); // 10:00 + 540 minutes = 19:00, when the schedule closes.
    }

    private static PinCredential Pin() => new(Alice.Id, default);

    private static CredentialLookup FaceLookup(bool consented) =>
        CredentialLookup.Found(Alice, new FaceCredential(Alice.Id, new FaceTemplateId(7), default)) with { HasActiveFaceConsent = consented };

    private static CredentialLookup CardLookup(SecondFactorOutcome outcome, bool consented = false) =>
        CredentialLookup.Found(Alice, AliceCard()) with { SecondFactor = outcome, HasActiveFaceConsent = consented };

    private static VisitorCodeCredential Visitor(int uses, int consumed, int hoursFromNow = 4) =>
        new(Alice.Id, new(WednesdayMorning.AddHours(hoursFromNow - 4), WednesdayMorning.AddHours(hoursFromNow)), uses, consumed);

    /// <summary>One row of the decision table.</summary>
    public sealed record DecideCase(
        string Name,
        PresentedCredential Presented,
        CredentialLookup Lookup,
        DoorPolicy Policy,
        DateTimeOffset Now,
        AccessReason Expected,
        ResidentId? ExpectedResident,
        AccessMethods ExpectedMethod,
        bool Duress = false)
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
