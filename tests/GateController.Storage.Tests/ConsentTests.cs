using System.Security.Cryptography;
using System.Text;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Storage.Tests;

public sealed class ConsentTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    [Fact]
    public void RecordConsent_Office_StoresNoticeHashFormOperatorAndTime()
    {
        var id = _harness.AddResident();

        var consent = _harness.GiveFaceConsent(id);

        var stored = Assert.Single(Store.ListConsents(id));
        Assert.Equal(consent, stored);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StoreHarness.NoticeText))), stored.NoticeSha256Hex);
        Assert.Equal("1.0", stored.NoticeVersion);
        Assert.Equal("F-0001", stored.FormNumber);
        Assert.Equal("office-1", stored.OperatorId);
        Assert.Equal(ConsentChannel.Office, stored.Channel);
        Assert.Equal(_harness.Time.GetUtcNow(), stored.GivenAt);
        Assert.True(stored.IsActive);
    }

    [Fact]
    public void RecordConsent_MinorWithoutGuardian_ThrowsGuardianRequired()
    {
        var id = _harness.AddResident(minor: true);

        var error = Assert.Throws<StoreException>(() => _harness.GiveFaceConsent(id));

        Assert.Equal(StoreErrorCode.GuardianRequired, error.Code);
        Assert.Empty(Store.ListConsents(id));
    }

    [Fact]
    public void RecordConsent_MinorWithGuardian_IsStored()
    {
        var id = _harness.AddResident(minor: true);

        var consent = _harness.GiveFaceConsent(id, guardian: "母亲 王芳");

        Assert.Equal("母亲 王芳", consent.Guardian);
        Assert.DoesNotContain(Store.ReadAudit(1, 100), e => e.Detail?.Contains("王芳", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void RecordConsent_OfficeWithoutFormNumber_ThrowsArgumentException()
    {
        var id = _harness.AddResident();

        Assert.Throws<ArgumentException>(() => Store.RecordConsent(
            new ConsentGrant(id, ConsentKind.Face, "1.0", StoreHarness.NoticeText, ConsentChannel.Office, null, null, "op")));
    }

    [Fact]
    public void AddFaceTemplate_WithoutConsent_ThrowsConsentRequiredAndStoresNothing()
    {
        var id = _harness.AddResident();

        var error = Assert.Throws<StoreException>(() => Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op"));

        Assert.Equal(StoreErrorCode.ConsentRequired, error.Code);
        Assert.Empty(Store.ListFaceTemplates(id));
        Assert.Null(Store.ReadWrappedDataKey(id));
    }

    [Fact]
    public void WithdrawConsent_AtGate_DeletesTemplatesAtOnceAndKeepsCardAndPin()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, [9, 8, 7, 6], "op");
        Store.SetPin(id, "556677", "op");
        _harness.GiveFaceConsent(id);
        Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op");
        Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(2), "op");
        _harness.Time.Advance(TimeSpan.FromDays(3));

        var withdrawn = Store.WithdrawConsent(id, ConsentKind.Face, ConsentChannel.Gate, null);

        Assert.Equal(_harness.Time.GetUtcNow(), withdrawn.WithdrawnAt);
        Assert.Equal(ConsentChannel.Gate, withdrawn.WithdrawalChannel);
        Assert.False(Assert.Single(Store.ListConsents(id)).IsActive);
        Assert.Empty(Store.ListFaceTemplates(id));
        Assert.Empty(Store.LoadFaceTemplates());
        Assert.Null(Store.ReadWrappedDataKey(id));
        Assert.True(Store.TryFindCard(CardFormat.Mifare, [9, 8, 7, 6], out _));
        Assert.True(Store.TryFindResidentByPin("556677", out _));
        var audit = Store.ReadAudit(1, 100)[^1];
        Assert.Equal(AuditAction.ConsentWithdrawn, audit.Action);
        Assert.Contains("face templates deleted: 2", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFaceTemplate_AfterWithdrawal_ThrowsConsentRequired()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.WithdrawConsent(id, ConsentKind.Face, ConsentChannel.Office, "op");

        var error = Assert.Throws<StoreException>(() => Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op"));

        Assert.Equal(StoreErrorCode.ConsentRequired, error.Code);
    }

    [Fact]
    public void WithdrawConsent_NoneActive_ThrowsNoActiveConsent()
    {
        var id = _harness.AddResident();

        var error = Assert.Throws<StoreException>(() => Store.WithdrawConsent(id, ConsentKind.Face, ConsentChannel.Gate, null));

        Assert.Equal(StoreErrorCode.NoActiveConsent, error.Code);
    }

    [Fact]
    public void AddFaceTemplate_NewConsentAfterWithdrawal_IsTiedToTheNewConsent()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.WithdrawConsent(id, ConsentKind.Face, ConsentChannel.Gate, null);
        var renewed = _harness.GiveFaceConsent(id);

        var template = Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op");

        Assert.Equal(renewed.ConsentId, template.ConsentId);
    }

    public void Dispose() => _harness.Dispose();
}
