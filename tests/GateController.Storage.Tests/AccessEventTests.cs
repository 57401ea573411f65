using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Storage.Tests;

public sealed class AccessEventTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    private static AccessEventRecord Event(DateTimeOffset time, string reason = "granted") =>
        new(time, "main", CredentialKind.Card, ResidentId.Parse("R0001"), true, reason);

    [Fact]
    public void AppendAccessEvent_Some_ReadBackNewestFirst()
    {
        var start = _harness.Time.GetUtcNow();
        Store.AppendAccessEvent(Event(start, "first"));
        Store.AppendAccessEvent(new AccessEventRecord(start.AddSeconds(1), "side", null, null, false, "unknown-card"));

        var events = Store.ReadAccessEvents(10);

        Assert.Equal(2, events.Count);
        Assert.Equal(new AccessEventRecord(start.AddSeconds(1), "side", null, null, false, "unknown-card"), events[0]);
        Assert.Equal(Event(start, "first"), events[1]);
    }

    [Fact]
    public void ApplyRetention_EventsOlderThanRetention_AreDeletedAndAudited()
    {
        var now = _harness.Time.GetUtcNow();
        Store.AppendAccessEvent(Event(now.AddDays(-91), "old"));
        Store.AppendAccessEvent(Event(now.AddDays(-89), "recent"));

        var report = Store.ApplyRetention();

        Assert.Equal(1, report.AccessEventsDeleted);
        Assert.Equal(["recent"], Store.ReadAccessEvents(10).Select(e => e.Reason));
        var entry = Store.ReadAudit(1, 10)[^1];
        Assert.Equal(AuditAction.AutomaticDeletion, entry.Action);
        Assert.Null(entry.OperatorId);
    }

    [Fact]
    public void ApplyRetention_MoreThanMaximumCount_KeepsTheNewest()
    {
        var now = _harness.Time.GetUtcNow();
        const int extra = 25;
        var total = _harness.Options.AccessEventMaximumCount + extra;
        Store.AppendAccessEvents(Enumerable.Range(0, total).Select(i => Event(now.AddSeconds(-total + i), i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var report = Store.ApplyRetention();

        Assert.Equal(extra, report.AccessEventsDeleted);
        Assert.Equal(_harness.Options.AccessEventMaximumCount, Store.CountAccessEvents());
        Assert.Equal((total - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Store.ReadAccessEvents(1)[0].Reason);
    }

    [Fact]
    public void ApplyRetention_NothingToDelete_WritesNoAuditEntry()
    {
        Store.AppendAccessEvent(Event(_harness.Time.GetUtcNow()));

        var report = Store.ApplyRetention();

        Assert.Equal(new Retention.RetentionReport(0, 0), report);
        Assert.Empty(Store.ReadAudit(1, 10));
    }

    public void Dispose() => _harness.Dispose();
}
