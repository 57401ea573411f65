using GateController.Core.Residents;
using GateController.Service.Face;
using GateController.Storage;
using Microsoft.Data.Sqlite;

namespace GateController.Service.Tests.Face;

public sealed class FaceTemplateLoadTests : IDisposable
{
    private readonly FaceGateHarness _harness = new();

    private static float[] Embedding(int seed)
    {
        var random = new Random(seed);
        var values = new float[512];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    private List<(ResidentId Resident, float[] Embedding, long Number)> StoreTemplates(int residents, int templatesEach)
    {
        var stored = new List<(ResidentId, float[], long)>();
        for (var r = 0; r < residents; r++)
        {
            var resident = _harness.AddResident($"R{r:D4}", consent: true);
            for (var t = 0; t < templatesEach; t++)
            {
                var embedding = Embedding((r * 100) + t);
                var record = _harness.Store.AddFaceTemplate(resident, _harness.Recognition.ModelId, embedding, FaceGateHarness.Operator);
                stored.Add((resident, embedding, record.Number));
            }
        }

        return stored;
    }

    private void EditDatabase(string sql)
    {
        var path = new GateStoreOptions { DataDirectory = Path.Combine(_harness.Directory, "data") }.DatabasePath;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    [Fact]
    public void Reload_StoreOfManyTemplates_IndexIdentifiesEach()
    {
        var stored = StoreTemplates(residents: 40, templatesEach: 2);

        var report = _harness.Recognition.Reload();

        Assert.Equal(stored.Count, report.Loaded);
        Assert.Equal(0, report.Damaged);
        Assert.Equal(stored.Count, _harness.Recognition.TemplateCount);
        Assert.All(stored, s => Assert.Equal(s.Resident, _harness.Recognition.IdentifyEmbedding(s.Embedding)));
    }

    [Fact]
    public void Reload_OneDamagedRow_CountedAndSkippedAndTheOthersIdentified()
    {
        var stored = StoreTemplates(residents: 5, templatesEach: 1);
        var damaged = stored[2];
        EditDatabase($"UPDATE face_templates SET sealed = CASE WHEN substr(sealed, 1, 1) = X'00' THEN X'01' ELSE X'00' END || substr(sealed, 2) WHERE rowid = {damaged.Number}");

        var report = _harness.Recognition.Reload();

        Assert.Equal(4, report.Loaded);
        Assert.Equal(1, report.Damaged);
        Assert.Equal(1, _harness.Recognition.DamagedTemplateCount);
        Assert.Equal(4, _harness.Recognition.TemplateCount);
        Assert.Null(_harness.Recognition.IdentifyEmbedding(damaged.Embedding));
        Assert.All(stored.Where(s => s.Number != damaged.Number), s => Assert.Equal(s.Resident, _harness.Recognition.IdentifyEmbedding(s.Embedding)));
    }

    [Fact]
    public void Reload_AfterALiveEnrolment_KeepsOneCopyOfTheTemplate()
    {
        var resident = _harness.AddResident("R0001", consent: true);
        var embedding = Embedding(5);
        _harness.Recognition.StoreTemplate(resident, embedding, FaceGateHarness.Operator);

        _harness.Recognition.Reload();

        Assert.Equal(1, _harness.Recognition.TemplateCount);
        Assert.Equal(resident, _harness.Recognition.IdentifyEmbedding(embedding));
    }

    [Fact]
    public void DropResident_AfterTheLoad_OnlyThatResidentsTemplatesLeave()
    {
        var stored = StoreTemplates(residents: 3, templatesEach: 3);
        _harness.Recognition.Reload();

        Assert.Equal(3, _harness.Recognition.DropResident(stored[0].Resident));

        Assert.Equal(6, _harness.Recognition.TemplateCount);
        Assert.Null(_harness.Recognition.IdentifyEmbedding(stored[0].Embedding));
        Assert.Equal(stored[^1].Resident, _harness.Recognition.IdentifyEmbedding(stored[^1].Embedding));
    }

    [Fact]
    public void Reload_Cancelled_ThrowsAndLeavesTheIndexEmpty()
    {
        StoreTemplates(residents: 3, templatesEach: 1);
        _harness.Recognition.Reload();

        Assert.Throws<OperationCanceledException>(() => _harness.Recognition.Reload(new CancellationToken(canceled: true)));

        Assert.Equal(0, _harness.Recognition.TemplateCount);
    }

    [Fact]
    public void Open_Cancelled_ThrowsOperationCanceled()
    {
        StoreTemplates(residents: 2, templatesEach: 1);

        Assert.Throws<OperationCanceledException>(() => FaceRecognition.Open(
            new FaceRecognitionOptions { ModelDirectory = RepositoryLayout.ModelDirectory, ManifestPath = RepositoryLayout.ManifestPath },
            _harness.Store,
            new CancellationToken(canceled: true)));
    }

    public void Dispose() => _harness.Dispose();
}
