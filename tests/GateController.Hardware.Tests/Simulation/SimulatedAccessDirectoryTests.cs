using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Simulation.Access;

namespace GateController.Hardware.Tests.Simulation;

public sealed class SimulatedAccessDirectoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly ResidentId Alice = ResidentId.Parse("R0001");
    private static readonly ResidentId Bob = ResidentId.Parse("R0002");
    private static readonly byte[] AliceUid = [0xDE, 0xAD, 0xBE, 0xEF];

    [Theory]
    [InlineData("card", "DEADBEEF", "R0001", CredentialKind.Card, false)]
    [InlineData("card", "DEADBEE0", null, CredentialKind.Card, false)]
    [InlineData("pin", "123456", "R0001", CredentialKind.Pin, false)]
    [InlineData("pin", "123457", "R0001", CredentialKind.Pin, true)]
    [InlineData("pin", "654321", "R0002", CredentialKind.Pin, false)]
    [InlineData("pin", "999999", null, CredentialKind.Pin, false)]
    [InlineData("visitor", "24681357", "R0002", CredentialKind.VisitorCode, false)]
    [InlineData("visitor", "24681358", null, CredentialKind.VisitorCode, false)]
    public void Resolve_Credential_FindsHolderAndDuress(string kind, string secret, string? holder, CredentialKind credentialKind, bool duress)
    {
        var directory = CreateDirectory();
        var credential = kind switch
        {
            "card" => CredentialPresented.ForCard("front", CardFormat.Mifare, Convert.FromHexString(secret), Now),
            "pin" => CredentialPresented.ForPin("front", secret, Now),
            _ => CredentialPresented.ForVisitorCode("front", secret, Now),
        };

        var resolution = directory.Resolve(credential, Now);

        Assert.Equal(credentialKind, resolution.Presented.Kind);
        Assert.Equal(SecondFactorKind.None, resolution.Presented.SecondFactor);
        Assert.Equal(holder, resolution.Lookup.Resident?.Id.Value);
        Assert.Equal(holder is not null, resolution.Lookup.IsFound);
        Assert.Equal(duress, resolution.Lookup.IsDuressPin);
        if (holder is not null)
        {
            Assert.Equal(credentialKind, resolution.Lookup.Credential!.Kind);
        }
    }

    [Fact]
    public void Resolve_CardOfOtherFormat_NotFound()
    {
        var directory = CreateDirectory();

        var resolution = directory.Resolve(CredentialPresented.ForCard("front", CardFormat.Wiegand34, AliceUid, Now), Now);

        Assert.False(resolution.Lookup.IsFound);
    }

    [Theory]
    [InlineData("123456", SecondFactorOutcome.Matched, false)]
    [InlineData("123457", SecondFactorOutcome.Matched, true)]
    [InlineData("654321", SecondFactorOutcome.Mismatched, false)]
    public void Resolve_PinAfterAwaitingCard_IsCardsSecondFactor(string digits, SecondFactorOutcome outcome, bool duress)
    {
        var directory = CreateDirectory();
        var card = (CardCredential)directory.Resolve(CredentialPresented.ForCard("front", CardFormat.Mifare, AliceUid, Now), Now).Lookup.Credential!;
        directory.AwaitPinAfterCard("front", card, Now.AddSeconds(10));

        var resolution = directory.Resolve(CredentialPresented.ForPin("front", digits, Now.AddSeconds(3)), Now.AddSeconds(3));

        Assert.Equal(CredentialKind.Card, resolution.Presented.Kind);
        Assert.Equal(SecondFactorKind.Pin, resolution.Presented.SecondFactor);
        Assert.Same(card, resolution.Lookup.Credential);
        Assert.Equal(Alice, resolution.Lookup.Resident!.Id);
        Assert.Equal(outcome, resolution.Lookup.SecondFactor);
        Assert.Equal(duress, resolution.Lookup.IsDuressPin);
        Assert.False(directory.IsAwaitingPin("front", Now.AddSeconds(3)));
    }

    [Fact]
    public void Resolve_PinAfterTheWaitEnded_IsAPinAlone()
    {
        var directory = CreateDirectory();
        var card = (CardCredential)directory.Resolve(CredentialPresented.ForCard("front", CardFormat.Mifare, AliceUid, Now), Now).Lookup.Credential!;
        directory.AwaitPinAfterCard("front", card, Now.AddSeconds(10));

        var resolution = directory.Resolve(CredentialPresented.ForPin("front", "654321", Now.AddSeconds(10)), Now.AddSeconds(10));

        Assert.Equal(CredentialKind.Pin, resolution.Presented.Kind);
        Assert.Equal(Bob, resolution.Lookup.Resident!.Id);
    }

    [Fact]
    public void Resolve_PinAtAnotherReader_LeavesTheCardWaiting()
    {
        var directory = CreateDirectory();
        var card = (CardCredential)directory.Resolve(CredentialPresented.ForCard("front", CardFormat.Mifare, AliceUid, Now), Now).Lookup.Credential!;
        directory.AwaitPinAfterCard("front", card, Now.AddSeconds(10));

        var resolution = directory.Resolve(CredentialPresented.ForPin("side", "123456", Now), Now);

        Assert.Equal(CredentialKind.Pin, resolution.Presented.Kind);
        Assert.True(directory.IsAwaitingPin("front", Now));
    }

    [Fact]
    public void Resolve_VisitorCodeWhileCardWaits_CancelsTheWait()
    {
        var directory = CreateDirectory();
        var card = (CardCredential)directory.Resolve(CredentialPresented.ForCard("front", CardFormat.Mifare, AliceUid, Now), Now).Lookup.Credential!;
        directory.AwaitPinAfterCard("front", card, Now.AddSeconds(10));

        directory.Resolve(CredentialPresented.ForVisitorCode("front", "24681357", Now), Now);

        Assert.False(directory.IsAwaitingPin("front", Now));
    }

    [Fact]
    public void Resolve_HolderWithActiveFaceConsent_ReportsIt()
    {
        var directory = CreateDirectory();
        directory.RecordConsent(Consent(Alice));

        var alice = directory.Resolve(CredentialPresented.ForCard("front", CardFormat.Mifare, AliceUid, Now), Now);
        var bob = directory.Resolve(CredentialPresented.ForPin("front", "654321", Now), Now);

        Assert.True(alice.Lookup.HasActiveFaceConsent);
        Assert.False(bob.Lookup.HasActiveFaceConsent);
    }

    [Fact]
    public void ConsumeVisitorCode_LastUse_LeavesNoneRemaining()
    {
        var directory = CreateDirectory();
        var code = directory.FindVisitorCode("24681357")!;

        directory.ConsumeVisitorCode(code);

        Assert.Equal(0, directory.FindVisitorCode("24681357")!.UsesRemaining);
        Assert.Throws<ArgumentException>(() => directory.ConsumeVisitorCode(code));
    }

    [Fact]
    public void MoveOut_Resident_ResolvesAsMovedOut()
    {
        var directory = CreateDirectory();

        directory.MoveOut(Alice);

        Assert.Equal(ResidentStatus.MovedOut, directory.Resolve(CredentialPresented.ForCard("front", CardFormat.Mifare, AliceUid, Now), Now).Lookup.Resident!.Status);
    }

    [Theory]
    [InlineData("654321")]
    [InlineData("654322")]
    [InlineData("123455")]
    public void SetPin_ClashesWithAnotherResidentsPinOrDuressPin_Throws(string pin)
    {
        var directory = CreateDirectory();
        directory.AddResident(new Resident(ResidentId.Parse("R0003"), "Carol", null, ResidentStatus.Active, false));

        Assert.Throws<ArgumentException>(() => directory.SetPin(ResidentId.Parse("R0003"), pin, ValidityWindow.Always));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789")]
    [InlineData("12a4")]
    public void SetPin_Malformed_Throws(string pin) =>
        Assert.Throws<ArgumentException>(() => CreateDirectory().SetPin(Alice, pin, ValidityWindow.Always));

    [Fact]
    public void AddCard_AlreadyRegistered_Throws() =>
        Assert.Throws<ArgumentException>(() => CreateDirectory().AddCard(Bob, CardFormat.Mifare, AliceUid, ValidityWindow.Always));

    [Fact]
    public void AddResident_DuplicateId_Throws() =>
        Assert.Throws<ArgumentException>(() => CreateDirectory().AddResident(new Resident(Alice, "Other", null, ResidentStatus.Active, false)));

    [Fact]
    public void AddCard_UnknownResident_Throws() =>
        Assert.Throws<ArgumentException>(() => CreateDirectory().AddCard(ResidentId.Parse("R9999"), CardFormat.Mifare, [1], ValidityWindow.Always));

    [Fact]
    public void RecordConsent_MinorWithoutGuardian_ThrowsNamingTheField()
    {
        var directory = CreateDirectory();
        var minor = ResidentId.Parse("R0003");
        directory.AddResident(new Resident(minor, "Carol", null, ResidentStatus.Active, IsMinor: true));

        var error = Assert.Throws<ArgumentException>(() => directory.RecordConsent(Consent(minor)));

        Assert.Contains("Guardian", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_Residents_ReportWhatTheyHold()
    {
        var directory = CreateDirectory();
        directory.EnrollFace(Bob, new FaceTemplateId(7), ValidityWindow.Always);
        directory.RecordConsent(Consent(Bob));

        var profiles = directory.Profiles(Now);

        Assert.Equal(
            [
                new ResidentAccessProfile(Alice, ResidentStatus.Active, HasCard: true, HasPin: true, HasConsentedFace: false),
                new ResidentAccessProfile(Bob, ResidentStatus.Active, HasCard: false, HasPin: true, HasConsentedFace: true),
            ],
            profiles);
    }

    [Fact]
    public void Profiles_ExpiredCard_DoesNotCount()
    {
        var directory = CreateDirectory();
        directory.AddCard(Bob, CardFormat.Mifare, [0x01, 0x02], new ValidityWindow(null, Now.AddDays(-1)));

        Assert.False(directory.Profiles(Now)[1].HasCard);
    }

    private static SimulatedAccessDirectory CreateDirectory()
    {
        var directory = new SimulatedAccessDirectory(DuressPinTransformation.LastDigitPlusOne);
        directory.AddResident(new Resident(Alice, "Alice", "3-201", ResidentStatus.Active, false));
        directory.AddResident(new Resident(Bob, "Bob", "3-202", ResidentStatus.Active, false));
        directory.AddCard(Alice, CardFormat.Mifare, AliceUid, ValidityWindow.Always);
        directory.SetPin(Alice, "123456", ValidityWindow.Always);
        directory.SetPin(Bob, "654321", ValidityWindow.Always);
        directory.AddVisitorCode(Bob, "24681357", new ValidityWindow(Now.AddHours(-1), Now.AddHours(4)), maximumUses: 1);
        return directory;
    }

    private static ConsentRecord Consent(ResidentId residentId) => new()
    {
        ResidentId = residentId,
        Kind = ConsentKind.Face,
        NoticeVersion = "2026-01",
        NoticeSha256 = ConsentRecord.HashNotice("notice"),
        Channel = ConsentChannel.Office,
        FormNumber = "F-1",
        Operator = "office",
        GivenAt = Now.AddDays(-1),
    };
}
