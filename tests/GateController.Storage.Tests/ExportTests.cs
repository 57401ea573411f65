using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Storage.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    [Fact]
    public void ExportResident_Enrolled_ListsFactsWithoutSecretsAndIsAudited()
    {
        var id = _harness.AddResident();
        var added = _harness.Time.GetUtcNow();
        Store.AddCard(id, CardFormat.Mifare, [1, 2, 3, 4], "op");
        Store.AddCard(id, CardFormat.Wiegand26, [5, 6, 7], "op");
        Store.SetPin(id, "135790", "op");
        var consent = _harness.GiveFaceConsent(id);
        var template = Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op");

        var copy = Store.ExportResident(id, "office-3");

        Assert.Equal("张伟", copy.Resident.Name);
        Assert.Equal([new CardSummary(CardFormat.Mifare, added), new CardSummary(CardFormat.Wiegand26, added)], copy.Cards);
        Assert.True(copy.HasPin);
        Assert.Equal(consent, Assert.Single(copy.Consents));
        var summary = Assert.Single(copy.FaceTemplates);
        Assert.Equal(template, summary);
        Assert.Equal(consent.ConsentId, summary.ConsentId);
        var entry = Store.ReadAudit(1, 100)[^1];
        Assert.Equal(AuditAction.Export, entry.Action);
        Assert.Equal("office-3", entry.OperatorId);
        Assert.Equal(id, entry.Resident);
    }

    [Fact]
    public void ExportResident_VisitorCodes_OnlyTheResidentsOwnWithoutTheCode()
    {
        var id = _harness.AddResident();
        var other = _harness.AddResident("R9999");
        var now = _harness.Time.GetUtcNow();
        var first = Store.IssueVisitorCode(id, now, now.AddHours(4), 2, "op");
        Store.IssueVisitorCode(other, now, now.AddHours(4), 1, "op");
        var second = Store.IssueVisitorCode(id, now.AddHours(1), now.AddDays(1), 1, "op");
        Store.TryConsumeVisitorCode(first.Code, now, out _);

        var copy = Store.ExportResident(id, "op");

        Assert.Equal([first.Record with { UsesConsumed = 1 }, second.Record], copy.VisitorCodes);
        Assert.All(copy.VisitorCodes, c => Assert.DoesNotContain(first.Code, c.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void ExportResident_NoCredentials_ReportsNone()
    {
        var id = _harness.AddResident();

        var copy = Store.ExportResident(id, "op");

        Assert.Empty(copy.Cards);
        Assert.False(copy.HasPin);
        Assert.Empty(copy.Consents);
        Assert.Empty(copy.FaceTemplates);
        Assert.Empty(copy.VisitorCodes);
    }

    [Fact]
    public void ExportResident_AfterWithdrawal_ShowsWithdrawnConsentAndNoTemplates()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op");
        Store.WithdrawConsent(id, ConsentKind.Face, ConsentChannel.Gate, null);

        var copy = Store.ExportResident(id, "op");

        Assert.False(Assert.Single(copy.Consents).IsActive);
        Assert.Empty(copy.FaceTemplates);
    }

    public void Dispose() => _harness.Dispose();
}
