using GateController.Core.Consents;
using GateController.Storage.Audit;
using GateController.Storage.Records;
using GateController.Storage.Retention;

namespace GateController.Storage.Tests;

public sealed class RetentionTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    [Fact]
    public void ApplyRetention_TemplateUnusedTooLong_IsDeletedAndEachDeletionAudited()
    {
        var stale = _harness.AddResident("R0001");
        var fresh = _harness.AddResident("R0002");
        _harness.GiveFaceConsent(stale);
        _harness.GiveFaceConsent(fresh);
        var staleA = Store.AddFaceTemplate(stale, "m", StoreHarness.Embedding(1), "op");
        var staleB = Store.AddFaceTemplate(stale, "m", StoreHarness.Embedding(2), "op");
        var kept = Store.AddFaceTemplate(fresh, "m", StoreHarness.Embedding(3), "op");
        _harness.Time.Advance(TimeSpan.FromDays(300));
        Store.RecordFaceMatch(fresh, "m");
        _harness.Time.Advance(TimeSpan.FromDays(66));

        var report = Store.ApplyRetention();

        Assert.Equal(2, report.FaceTemplatesDeleted);
        Assert.Empty(Store.ListFaceTemplates(stale));
        Assert.Null(Store.ReadWrappedDataKey(stale));
        Assert.Equal([kept.TemplateId], Store.LoadFaceTemplates().Select(t => t.TemplateId));
        var deletions = Store.ReadAudit(1, 100).Where(e => e.Action == AuditAction.AutomaticDeletion).ToList();
        Assert.Equal(2, deletions.Count);
        Assert.Contains(deletions, e => e.Detail!.Contains(staleA.TemplateId, StringComparison.Ordinal));
        Assert.Contains(deletions, e => e.Detail!.Contains(staleB.TemplateId, StringComparison.Ordinal));
        Assert.All(deletions, e => Assert.Equal(stale, e.Resident));
        Assert.True(Store.VerifyAudit().IsIntact);
    }

    [Fact]
    public void ApplyRetention_TemplateJustInsideLimit_IsKept()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.AddFaceTemplate(id, "m", StoreHarness.Embedding(1), "op");
        _harness.Time.Advance(TimeSpan.FromDays(365));

        var report = Store.ApplyRetention();

        Assert.Equal(0, report.FaceTemplatesDeleted);
        Assert.Single(Store.ListFaceTemplates(id));
    }

    [Fact]
    public async Task RunAsync_FakeTime_RunsAtStartAndThenEveryInterval()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.AddFaceTemplate(id, "m", StoreHarness.Embedding(1), "op");
        var job = new RetentionJob(Store, _harness.Options, _harness.Time);
        var reports = System.Threading.Channels.Channel.CreateUnbounded<RetentionReport>();
        job.Completed += (_, report) => reports.Writer.TryWrite(report);
        using var cancellation = new CancellationTokenSource();

        var run = job.RunAsync(cancellation.Token);
        var first = await reports.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        _harness.Time.Advance(TimeSpan.FromDays(366));
        var second = await reports.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new RetentionReport(0, 0), first);
        Assert.Equal(new RetentionReport(0, 1), second);
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public void ApplyRetention_TemplateLeftWithoutConsent_IsDeleted()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.AddFaceTemplate(id, "m", StoreHarness.Embedding(1), "op");
        _harness.EditFile("UPDATE consents SET withdrawn_ms = 1, withdrawal_channel = 0");

        var report = Store.ApplyRetention();

        Assert.Equal(1, report.FaceTemplatesDeleted);
        Assert.Contains("no active face consent", Store.ReadAudit(1, 100)[^1].Detail, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();
}
