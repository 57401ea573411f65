using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Access;
using GateController.Storage.Audit;

namespace GateController.Storage.Tests.Access;

/// <summary>The store's directory against a real SQLite file.</summary>
public sealed class StoreAccessDirectoryTests : IDisposable
{
    private static readonly byte[] Uid = [0x04, 0x11, 0x22, 0x33];

    private readonly StoreHarness _harness = new();
    private readonly StoreAccessDirectory _directory;

    public StoreAccessDirectoryTests() => _directory = new StoreAccessDirectory(_harness.Store);

    private GateStore Store => _harness.Store;

    private DateTimeOffset Now => _harness.Time.GetUtcNow();

    [Fact]
    public void FindCard_Registered_NamesTheHolderWithTheFormat()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, Uid, "op");

        var card = _directory.FindCard(CardFormat.Mifare, Uid);

        Assert.NotNull(card);
        Assert.Equal(id, card.ResidentId);
        Assert.True(card.Matches(CardFormat.Mifare, Uid));
        Assert.Null(_directory.FindCard(CardFormat.Em4100, Uid));
        Assert.Null(_directory.FindCard(CardFormat.Mifare, [0x04]));
    }

    [Fact]
    public void FindPinHolder_AndVerifyPin_MatchOnlyTheExactDigits()
    {
        var alice = _harness.AddResident("R0001");
        var bob = _harness.AddResident("R0002");
        Store.SetPin(alice, "123456", "op");
        Store.SetPin(bob, "654321", "op");

        Assert.Equal(alice, _directory.FindPinHolder("123456")!.ResidentId);
        Assert.Null(_directory.FindPinHolder("123457"));
        Assert.True(_directory.VerifyPin(alice, "123456"));
        Assert.False(_directory.VerifyPin(alice, "654321"));
        Assert.False(_directory.VerifyPin(ResidentId.Parse("R9999"), "123456"));
    }

    [Fact]
    public void FindResident_KnownAndUnknown_HasNoAccessGroup()
    {
        var id = _harness.AddResident();

        var found = _directory.FindResident(id);

        Assert.NotNull(found);
        Assert.Equal(id, found.Resident.Id);
        Assert.Null(found.AccessGroup);
        Assert.Null(_directory.FindResident(ResidentId.Parse("R9999")));
    }

    [Fact]
    public void HasActiveFaceConsent_BeforeGivenDuringAndAfterWithdrawal_FollowsTheRecord()
    {
        var id = _harness.AddResident();
        var before = Now;
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        _harness.GiveFaceConsent(id);
        var during = Now;
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        Store.WithdrawConsent(id, ConsentKind.Face, ConsentChannel.Office, "op");

        Assert.False(_directory.HasActiveFaceConsent(id, before));
        Assert.True(_directory.HasActiveFaceConsent(id, during));
        Assert.False(_directory.HasActiveFaceConsent(id, Now));
        Assert.False(_directory.HasActiveFaceConsent(ResidentId.Parse("R9999"), Now));
    }

    [Fact]
    public void FindFace_Enrolled_ReferencesTheNewestTemplate()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Assert.Null(_directory.FindFace(id));
        Store.AddFaceTemplate(id, "m", StoreHarness.Embedding(1), "op");
        var first = _directory.FindFace(id)!.TemplateId;
        Store.AddFaceTemplate(id, "m", StoreHarness.Embedding(2), "op");

        var face = _directory.FindFace(id);

        Assert.NotNull(face);
        Assert.Equal(id, face.ResidentId);
        Assert.True(face.TemplateId.Value > first.Value);
    }

    [Fact]
    public void WithdrawFaceConsentAtGate_Active_WithdrawsViaGateDeletesTemplatesAndAudits()
    {
        var id = _harness.AddResident();
        Store.SetPin(id, "123456", "op");
        _harness.GiveFaceConsent(id);
        var template = StoreHarness.Embedding(7);
        Store.AddFaceTemplate(id, "m", template, "op");

        Assert.True(_directory.WithdrawFaceConsentAtGate(id, Now));

        var consent = Assert.Single(Store.ListConsents(id));
        Assert.Equal(ConsentChannel.Gate, consent.WithdrawalChannel);
        Assert.Empty(Store.ListFaceTemplates(id));
        Assert.Null(_directory.FindFace(id));
        Assert.True(_directory.VerifyPin(id, "123456"));
        var audit = Assert.Single(Store.ReadAudit(1, 100), e => e.Action == AuditAction.ConsentWithdrawn);
        Assert.Contains("Gate", audit.Detail, StringComparison.Ordinal);
        Assert.Equal(id, audit.Resident);
        _harness.Close();
        Assert.False(_harness.DatabaseFilesContain(System.Runtime.InteropServices.MemoryMarshal.AsBytes(template.AsSpan())));
    }

    [Fact]
    public void WithdrawFaceConsentAtGate_NoConsentOrUnknown_ReturnsFalseAndChangesNothing()
    {
        var id = _harness.AddResident();
        var entries = Store.ReadAudit(1, 100).Count;

        Assert.False(_directory.WithdrawFaceConsentAtGate(id, Now));
        Assert.False(_directory.WithdrawFaceConsentAtGate(ResidentId.Parse("R9999"), Now));
        Assert.Equal(entries, Store.ReadAudit(1, 100).Count);
    }

    [Fact]
    public void FindVisitorCode_AndTryConsume_FollowTheStore()
    {
        var id = _harness.AddResident();
        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(4), 1, "op");

        var found = _directory.FindVisitorCode(issued.Code);

        Assert.NotNull(found);
        Assert.Equal(id, found.ResidentId);
        Assert.Equal(new ValidityWindow(Now, Now.AddHours(4)), found.Validity);
        Assert.True(_directory.TryConsumeVisitorCode(issued.Code, Now));
        Assert.False(_directory.TryConsumeVisitorCode(issued.Code, Now));
        Assert.Equal(0, _directory.FindVisitorCode(issued.Code)!.UsesRemaining);
    }

    public void Dispose() => _harness.Dispose();
}
