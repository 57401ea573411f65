using GateController.Core.Residents;
using GateController.Storage.Records;

namespace GateController.Storage.Tests;

public sealed class FaceTemplateStreamTests : IDisposable
{
    private const string Model = "arcface";
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    private ResidentId EnrollableResident(string id)
    {
        var resident = _harness.AddResident(id);
        _harness.GiveFaceConsent(resident);
        return resident;
    }

    private (FaceTemplateLoadReport Report, List<(ResidentId Resident, long Number, float[] Embedding)> Seen) Stream(
        string model = Model, CancellationToken cancellationToken = default)
    {
        var seen = new List<(ResidentId, long, float[])>();
        var report = Store.StreamConsentedFaceTemplates(model, (resident, number, embedding) => seen.Add((resident, number, embedding.ToArray())), cancellationToken);
        return (report, seen);
    }

    [Fact]
    public void StreamConsentedFaceTemplates_StoreOfManyTemplates_VisitsEachOnceWithItsExactEmbedding()
    {
        var expected = new Dictionary<long, (ResidentId Resident, float[] Embedding)>();
        for (var r = 0; r < 12; r++)
        {
            var resident = EnrollableResident($"R{r:D4}");
            for (var t = 0; t < 1 + (r % 3); t++)
            {
                var embedding = StoreHarness.Embedding((r * 10) + t);
                var record = Store.AddFaceTemplate(resident, Model, embedding, "op");
                expected.Add(record.Number, (resident, embedding));
            }
        }

        _harness.Reopen();

        var (report, seen) = Stream();

        Assert.Equal(new FaceTemplateLoadReport(expected.Count, 0), report);
        Assert.Equal(expected.Count, seen.Select(s => s.Number).Distinct().Count());
        foreach (var (resident, number, embedding) in seen)
        {
            Assert.Equal(expected[number].Resident, resident);
            Assert.Equal(expected[number].Embedding, embedding);
        }
    }

    [Fact]
    public void StreamConsentedFaceTemplates_MoreRowsThanOnePage_VisitsEachOnceInStorageOrder()
    {
        var first = EnrollableResident("R0001");
        var second = EnrollableResident("R0002");
        Store.ExecuteScalarForTests("PRAGMA synchronous=OFF");
        var numbers = new List<long>();
        for (var t = 0; t < 1100; t++)
        {
            numbers.Add(Store.AddFaceTemplate(t % 3 == 0 ? first : second, Model, StoreHarness.Embedding(t), "op").Number);
        }

        var (report, seen) = Stream();

        Assert.Equal(new FaceTemplateLoadReport(1100, 0), report);
        Assert.Equal(numbers, seen.Select(s => s.Number));
        Assert.Equal(StoreHarness.Embedding(1099), seen[^1].Embedding);
        Assert.Equal(first, seen[1098].Resident);
    }

    [Fact]
    public void AddFaceTemplate_Enrolled_NumberIsTheStoresTemplateNumber()
    {
        var resident = EnrollableResident("R0001");

        var record = Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(1), "op");

        Assert.True(Store.TryFindFaceTemplate(resident, out var found));
        Assert.True(record.Number > 0);
        Assert.Equal(found.Value, record.Number);
    }

    [Theory]
    [InlineData("UPDATE face_templates SET sealed = substr(sealed, 1, 40) || CASE WHEN substr(sealed, 41, 1) = X'FF' THEN X'00' ELSE X'FF' END || substr(sealed, 42) WHERE rowid = {0}")]
    [InlineData("UPDATE face_templates SET sealed = substr(sealed, 1, length(sealed) - 4) WHERE rowid = {0}")]
    [InlineData("UPDATE face_templates SET sealed = X'' WHERE rowid = {0}")]
    [InlineData("UPDATE face_templates SET id = 'ffffffffffffffffffffffffffffffff' WHERE rowid = {0}")]
    [InlineData("UPDATE face_templates SET sealed = (SELECT sealed FROM face_templates WHERE resident_id = 'R0002') WHERE rowid = {0}")]
    public void StreamConsentedFaceTemplates_OneDamagedRow_CountedAndSkippedAndTheRestLoaded(string tamper)
    {
        var first = EnrollableResident("R0001");
        var second = EnrollableResident("R0002");
        var damaged = Store.AddFaceTemplate(first, Model, StoreHarness.Embedding(1), "op");
        var kept = Store.AddFaceTemplate(first, Model, StoreHarness.Embedding(2), "op");
        var other = Store.AddFaceTemplate(second, Model, StoreHarness.Embedding(3), "op");

        _harness.EditFile(string.Format(System.Globalization.CultureInfo.InvariantCulture, tamper, damaged.Number));
        var (report, seen) = Stream();

        Assert.Equal(new FaceTemplateLoadReport(2, 1), report);
        Assert.Equal([kept.Number, other.Number], seen.Select(s => s.Number).Order());
    }

    [Fact]
    public void StreamConsentedFaceTemplates_ResidentsDataKeyDamaged_TheirRowsCountedOthersLoaded()
    {
        var first = EnrollableResident("R0001");
        var second = EnrollableResident("R0002");
        Store.AddFaceTemplate(first, Model, StoreHarness.Embedding(1), "op");
        Store.AddFaceTemplate(first, Model, StoreHarness.Embedding(2), "op");
        var other = Store.AddFaceTemplate(second, Model, StoreHarness.Embedding(3), "op");

        _harness.EditFile("UPDATE resident_keys SET wrapped_key = CAST((CASE WHEN substr(wrapped_key, 1, 1) = X'00' THEN X'01' ELSE X'00' END) || substr(wrapped_key, 2) AS BLOB) WHERE resident_id = 'R0001'");
        var (report, seen) = Stream();

        Assert.Equal(new FaceTemplateLoadReport(1, 2), report);
        Assert.Equal(other.Number, Assert.Single(seen).Number);
    }

    [Theory]
    [InlineData("UPDATE consents SET withdrawn_ms = 1 WHERE resident_id = 'R0001'")]
    [InlineData("UPDATE residents SET status = 1 WHERE id = 'R0001'")]
    [InlineData("DELETE FROM consents WHERE resident_id = 'R0001'")]
    public void StreamConsentedFaceTemplates_ResidentWithoutActiveConsentOrMovedOut_NotVisited(string edit)
    {
        var first = EnrollableResident("R0001");
        var second = EnrollableResident("R0002");
        Store.AddFaceTemplate(first, Model, StoreHarness.Embedding(1), "op");
        var other = Store.AddFaceTemplate(second, Model, StoreHarness.Embedding(2), "op");

        _harness.EditFile("PRAGMA foreign_keys=OFF; " + edit);
        var (report, seen) = Stream();

        Assert.Equal(new FaceTemplateLoadReport(1, 0), report);
        Assert.Equal(other.Number, Assert.Single(seen).Number);
    }

    [Fact]
    public void StreamConsentedFaceTemplates_OtherModel_NotVisited()
    {
        var resident = EnrollableResident("R0001");
        Store.AddFaceTemplate(resident, "old-model", StoreHarness.Embedding(1), "op");
        var current = Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(2), "op");

        var (report, seen) = Stream();

        Assert.Equal(1, report.Loaded);
        Assert.Equal(current.Number, Assert.Single(seen).Number);
    }

    [Fact]
    public void StreamConsentedFaceTemplates_CancelledDuringTheLoad_ThrowsAndVisitsNoMore()
    {
        var resident = EnrollableResident("R0001");
        for (var t = 0; t < 10; t++)
        {
            Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(t), "op");
        }

        using var cancel = new CancellationTokenSource();
        var visited = 0;

        Assert.Throws<OperationCanceledException>(() => Store.StreamConsentedFaceTemplates(Model, (_, _, _) =>
        {
            if (++visited == 3)
            {
                cancel.Cancel();
            }
        }, cancel.Token));
        Assert.Equal(3, visited);
    }

    [Fact]
    public void StreamConsentedFaceTemplates_AlreadyCancelled_VisitsNothing()
    {
        var resident = EnrollableResident("R0001");
        Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(1), "op");
        var visited = 0;

        Assert.Throws<OperationCanceledException>(() => Store.StreamConsentedFaceTemplates(Model, (_, _, _) => visited++, new CancellationToken(canceled: true)));
        Assert.Equal(0, visited);
    }

    [Fact]
    public void StreamConsentedFaceTemplates_AfterTheLoad_StoreStillWritesAndStreamsAgain()
    {
        var resident = EnrollableResident("R0001");
        Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(1), "op");
        Stream();

        Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(2), "op");
        var (report, _) = Stream();

        Assert.Equal(2, report.Loaded);
        Assert.Equal("1073741824", Store.ExecuteScalarForTests("PRAGMA mmap_size")?.ToString());
    }

    [Fact]
    public void RecordFaceMatch_ResidentsTemplatesOfTheModel_LastUsedNowOthersUnchanged()
    {
        var resident = EnrollableResident("R0001");
        var bystander = EnrollableResident("R0002");
        Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(1), "op");
        Store.AddFaceTemplate(resident, Model, StoreHarness.Embedding(2), "op");
        Store.AddFaceTemplate(resident, "old-model", StoreHarness.Embedding(3), "op");
        Store.AddFaceTemplate(bystander, Model, StoreHarness.Embedding(4), "op");
        var enrolled = _harness.Time.GetUtcNow();
        _harness.Time.Advance(TimeSpan.FromDays(10));

        Store.RecordFaceMatch(resident, Model);

        var now = _harness.Time.GetUtcNow();
        Assert.Equal([enrolled, now, now], Store.ListFaceTemplates(resident).Select(t => t.LastUsedAt).Order());
        Assert.Equal(enrolled, Assert.Single(Store.ListFaceTemplates(bystander)).LastUsedAt);
    }

    public void Dispose() => _harness.Dispose();
}
