using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Privacy;
using GateController.Core.Residents;
using GateController.Storage.Records;

namespace GateController.Storage.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    private AccessEventRecord Event(string reason, int secondsLater = 0) =>
        new(_harness.Time.GetUtcNow().AddSeconds(secondsLater), "main", CredentialKind.Card, ResidentId.Parse("R0001"), true, reason);

    [Fact]
    public void CountContents_EmptyStore_OnlyTheOpeningAuditEntries()
    {
        var counts = Store.CountContents();

        Assert.Equal(0, counts.Residents);
        Assert.Equal(0, counts.FaceTemplates);
        Assert.Equal(0, counts.AccessEvents);
        Assert.Equal(Store.ReadAudit(1, 1000).Count, counts.AuditRecords);
    }

    [Fact]
    public void CountContents_ResidentsCardsPinsConsentsTemplates_EachCounted()
    {
        var adult = _harness.AddResident("R0001");
        var minor = _harness.AddResident("R0002", minor: true);
        _harness.AddResident("R0003");
        Store.AddCard(adult, CardFormat.Mifare, [1, 2, 3, 4], "office-1");
        Store.AddCard(adult, CardFormat.Mifare, [1, 2, 3, 5], "office-1");
        Store.AddCard(minor, CardFormat.Mifare, [1, 2, 3, 6], "office-1");
        Store.SetPin(adult, "482913", "office-1");
        _harness.GiveFaceConsent(adult);
        _harness.GiveFaceConsent(minor, guardian: "监护人");
        Store.AddFaceTemplate(adult, "model-a", StoreHarness.Embedding(1), "office-1");
        Store.AddFaceTemplate(adult, "model-a", StoreHarness.Embedding(2), "office-1");
        Store.WithdrawConsent(minor, ConsentKind.Face, ConsentChannel.Office, "office-1");
        Store.AppendAccessEvent(Event("granted"));

        var counts = Store.CountContents();

        Assert.Equal(3, counts.Residents);
        Assert.Equal(1, counts.MinorResidents);
        Assert.Equal(3, counts.Cards);
        Assert.Equal(1, counts.Pins);
        Assert.Equal(1, counts.ActiveFaceConsents);
        Assert.Equal(2, counts.FaceTemplates);
        Assert.Equal(1, counts.AccessEvents);
        Assert.Equal(Store.ReadAudit(1, 1000).Count, counts.AuditRecords);
    }

    [Fact]
    public void CountVisitorCodes_RevokedUsedUpExpiredAndPruned_ActiveOnlyUsableIssuedFromTheAuditLog()
    {
        var issuer = _harness.AddResident("R0001");
        var start = _harness.Time.GetUtcNow();
        Store.IssueVisitorCode(issuer, start, start.AddHours(1), 1, "office-1");
        _harness.Time.Advance(TimeSpan.FromDays(10));
        var now = _harness.Time.GetUtcNow();
        Store.ApplyRetention();
        var usable = Store.IssueVisitorCode(issuer, now, now.AddHours(4), 2, "office-1");
        var usedUp = Store.IssueVisitorCode(issuer, now, now.AddHours(4), 1, "office-1");
        var revoked = Store.IssueVisitorCode(issuer, now, now.AddHours(4), 1, "office-1");
        Store.IssueVisitorCode(issuer, now.AddHours(1), now.AddHours(5), 1, "office-1");
        Assert.True(Store.TryConsumeVisitorCode(usable.Code, now, out _));
        Assert.True(Store.TryConsumeVisitorCode(usedUp.Code, now, out _));
        Store.RevokeVisitorCode(revoked.Record.VisitorCodeId, "office-1");

        var all = Store.CountVisitorCodes(now, start);
        var recent = Store.CountVisitorCodes(now, now.AddDays(-1));

        Assert.Equal(4, Store.ListVisitorCodes(null).Count);
        Assert.Equal(2, all.Active);
        Assert.Equal(5, all.Issued);
        Assert.Equal(start, all.IssuedSince);
        Assert.Equal(4, recent.Issued);
        Assert.Equal(0, Store.CountVisitorCodes(now.AddHours(6), start).Active);
    }

    [Fact]
    public void CountResidentsNeedingConsentRenewal_OldNewRenewedAndWithdrawn_OnlyResidentsWithoutACurrentConsent()
    {
        var current = new ConsentNotice("2.0", "en", "notice v2");
        var old = _harness.AddResident("R0001");
        var renewed = _harness.AddResident("R0002");
        var fresh = _harness.AddResident("R0003");
        var withdrawn = _harness.AddResident("R0004");
        _harness.GiveFaceConsent(old);
        _harness.GiveFaceConsent(renewed);
        GiveUnder(renewed, current);
        GiveUnder(fresh, current);
        _harness.GiveFaceConsent(withdrawn);
        Store.WithdrawConsent(withdrawn, ConsentKind.Face, ConsentChannel.Gate, null);

        Assert.Equal(1, Store.CountResidentsNeedingConsentRenewal([current]));
        Assert.Equal(0, Store.CountResidentsNeedingConsentRenewal([new ConsentNotice("1.0", "en", StoreHarness.NoticeText), current]));
        Assert.Equal(3, Store.CountResidentsNeedingConsentRenewal([new ConsentNotice("2.0", "en", "notice v2, edited")]));
    }

    private void GiveUnder(ResidentId id, ConsentNotice notice) =>
        Store.RecordConsent(new ConsentGrant(id, ConsentKind.Face, notice.Version, notice.Text, ConsentChannel.Office, "F-0002", null, "office-1"));

    [Fact]
    public void ReadAccessEventsAfter_Cursor_OnlyLaterEventsOldestFirst()
    {
        Assert.Equal(0, Store.LastAccessEventSequence());
        Store.AppendAccessEvent(Event("first"));
        var cursor = Store.LastAccessEventSequence();
        Store.AppendAccessEvent(Event("second", 1));
        Store.AppendAccessEvent(Event("third", 2));

        var after = Store.ReadAccessEventsAfter(cursor, 10);

        Assert.Equal(["second", "third"], after.Select(e => e.Event.Reason));
        Assert.True(after[0].Sequence > cursor && after[1].Sequence > after[0].Sequence);
        Assert.Equal(after[1].Sequence, Store.LastAccessEventSequence());
        Assert.Empty(Store.ReadAccessEventsAfter(after[1].Sequence, 10));
        Assert.Equal(["second"], Store.ReadAccessEventsAfter(cursor, 1).Select(e => e.Event.Reason));
    }

    [Fact]
    public void ReadLatestAccessEvents_Some_NewestFirstWithSequences()
    {
        Store.AppendAccessEvent(Event("first"));
        Store.AppendAccessEvent(Event("second", 1));
        Store.AppendAccessEvent(Event("third", 2));

        var latest = Store.ReadLatestAccessEvents(2);

        Assert.Equal(["third", "second"], latest.Select(e => e.Event.Reason));
        Assert.Equal(Store.LastAccessEventSequence(), latest[0].Sequence);
        Assert.Equal(latest[0].Sequence - 1, latest[1].Sequence);
    }

    [Fact]
    public void ReadAccessEventsAfter_NegativeCursor_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ReadAccessEventsAfter(-1, 10));
    }

    [Fact]
    public void Retention_ReportsTheConfiguredSettings()
    {
        var retention = Store.Retention;

        Assert.Equal(_harness.Options.AccessEventRetentionDays, retention.AccessEventDays);
        Assert.Equal(_harness.Options.AccessEventMaximumCount, retention.AccessEventMaximumCount);
        Assert.Equal(_harness.Options.FaceTemplateUnusedDays, retention.FaceTemplateUnusedDays);
        Assert.Equal(_harness.Options.RetentionIntervalHours, retention.IntervalHours);
    }

    [Fact]
    public void DescribeProtection_NamesTheAlgorithmsActuallyUsed()
    {
        var protection = Store.DescribeProtection();

        Assert.Contains("AES-256-GCM", protection.FaceTemplates, StringComparison.Ordinal);
        Assert.Contains("HMAC-SHA-256", protection.CardIdentifiers, StringComparison.Ordinal);
        Assert.Contains("HMAC-SHA-256", protection.Pins, StringComparison.Ordinal);
        Assert.Contains("0600", protection.KeyStorage, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();
}
