using GateController.Storage.Audit;

namespace GateController.Storage.Tests;

public sealed class TechnicianKeyTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    [Fact]
    public void AddTechnician_New_Returns32ByteKeyAndListsWithoutIt()
    {
        var issued = Store.AddTechnician("tech-01", mayReleaseDoor: true, "installer-1");

        Assert.Equal(32, issued.Key.Count);
        Assert.DoesNotContain(Convert.ToBase64String([.. issued.Key]), issued.ToString(), StringComparison.Ordinal);
        var listed = Assert.Single(Store.ListTechnicians());
        Assert.Equal("tech-01", listed.TechnicianId);
        Assert.True(listed.MayReleaseDoor);
        Assert.Equal(_harness.Time.GetUtcNow(), listed.CreatedAt);
        Assert.Null(listed.LastUsedAt);
    }

    [Fact]
    public void AddTechnician_TwoTechnicians_DrawDifferentKeys()
    {
        var first = Store.AddTechnician("tech-01", false, "op");
        var second = Store.AddTechnician("tech-02", false, "op");

        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public void AddTechnician_SameIdTwice_RefusedAndFirstKeyKept()
    {
        var first = Store.AddTechnician("tech-01", false, "op");

        var error = Assert.Throws<StoreException>(() => Store.AddTechnician("tech-01", true, "op"));

        Assert.Equal(StoreErrorCode.DuplicateTechnician, error.Code);
        var loaded = Assert.Single(Store.LoadTechnicianKeys());
        Assert.Equal(first.Key, loaded.Key);
        Assert.False(loaded.MayReleaseDoor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/id")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void AddTechnician_InvalidId_ThrowsArgumentException(string id) =>
        Assert.Throws<ArgumentException>(() => Store.AddTechnician(id, false, "op"));

    [Fact]
    public void LoadTechnicianKeys_AfterReopen_GivesTheIssuedKeys()
    {
        var issued = Store.AddTechnician("tech-01", true, "op");

        _harness.Reopen();

        var loaded = Assert.Single(Store.LoadTechnicianKeys());
        Assert.Equal("tech-01", loaded.TechnicianId);
        Assert.Equal(issued.Key, loaded.Key);
        Assert.True(loaded.MayReleaseDoor);
    }

    [Fact]
    public void AddTechnician_KeyNeverInDatabaseFilesNorAudit()
    {
        var keys = Enumerable.Range(0, 5).Select(i => Store.AddTechnician($"tech-{i}", i % 2 == 0, "op").Key.ToArray()).ToList();
        _harness.Close();

        foreach (var key in keys)
        {
            Assert.False(_harness.DatabaseFilesContain(key), "a technician key was found in clear in the database files");
            Assert.False(_harness.DatabaseFilesContain(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key))), "a technician key was found as base64");
        }

        _harness.Reopen();
        var audit = Store.ReadAudit(1, 1000);
        Assert.Equal(5, audit.Count(e => e.Action == AuditAction.ConfigurationChanged && e.Detail!.Contains("added", StringComparison.Ordinal)));
        Assert.All(audit, e => Assert.All(keys, k => Assert.DoesNotContain(Convert.ToBase64String(k), e.Detail ?? string.Empty, StringComparison.Ordinal)));
        Assert.True(Store.VerifyAudit().IsIntact);
    }

    [Fact]
    public void LoadTechnicianKeys_SealedKeyAltered_ThrowsDecryptionFailed()
    {
        Store.AddTechnician("tech-01", false, "op");
        _harness.EditFile("UPDATE technician_keys SET sealed_key = zeroblob(60)");

        var error = Assert.Throws<StoreException>(() => Store.LoadTechnicianKeys());

        Assert.Equal(StoreErrorCode.DecryptionFailed, error.Code);
    }

    [Fact]
    public void LoadTechnicianKeys_SealedKeyMovedToAnotherId_ThrowsDecryptionFailed()
    {
        Store.AddTechnician("tech-01", false, "op");
        Store.AddTechnician("tech-02", true, "op");
        _harness.EditFile("UPDATE technician_keys SET sealed_key = (SELECT sealed_key FROM technician_keys WHERE id = 'tech-02') WHERE id = 'tech-01'");

        Assert.Throws<StoreException>(() => Store.LoadTechnicianKeys());
    }

    [Fact]
    public void RemoveTechnician_Registered_RemovesAuditsAndRaisesChanged()
    {
        Store.AddTechnician("tech-01", false, "op");
        var changes = 0;
        Store.TechniciansChanged += (_, _) => changes++;

        Assert.True(Store.RemoveTechnician("tech-01", "installer-1"));

        Assert.Empty(Store.ListTechnicians());
        Assert.Empty(Store.LoadTechnicianKeys());
        Assert.Equal(1, changes);
        var last = Store.ReadAudit(1, 1000)[^1];
        Assert.Equal(AuditAction.ConfigurationChanged, last.Action);
        Assert.Equal("installer-1", last.OperatorId);
        Assert.Equal("technician tech-01 removed", last.Detail);
    }

    [Fact]
    public void RemoveTechnician_Unknown_ReturnsFalseWithoutChangeEvent()
    {
        var changes = 0;
        Store.TechniciansChanged += (_, _) => changes++;

        Assert.False(Store.RemoveTechnician("nobody", "op"));

        Assert.Equal(0, changes);
    }

    [Fact]
    public void AddTechnician_RaisesChanged()
    {
        var changes = 0;
        Store.TechniciansChanged += (_, _) => changes++;

        Store.AddTechnician("tech-01", false, "op");

        Assert.Equal(1, changes);
    }

    [Fact]
    public void RecordTechnicianUse_Registered_ListsLastUse()
    {
        Store.AddTechnician("tech-01", false, "op");
        var at = _harness.Time.GetUtcNow().AddMinutes(5);

        Store.RecordTechnicianUse("tech-01", at);

        Assert.Equal(at, Store.ListTechnicians()[0].LastUsedAt);
    }

    public void Dispose() => _harness.Dispose();
}
