using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;

namespace GateController.Storage.Tests;

public sealed class ResidentTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    [Fact]
    public void AddResident_New_CanBeReadAndListed()
    {
        var id = _harness.AddResident("R0002", minor: true);

        Assert.True(Store.TryGetResident(id, out var resident));
        Assert.Equal(new Resident(id, "张伟", "3-201", ResidentStatus.Active, true), resident);
        Assert.Equal([id], Store.ListResidents().Select(r => r.Id));
    }

    [Fact]
    public void TryGetResident_Unknown_ReturnsFalse()
    {
        Assert.False(Store.TryGetResident(ResidentId.Parse("R9999"), out _));
    }

    [Fact]
    public void AddResident_Duplicate_ThrowsDuplicateResidentNamingId()
    {
        _harness.AddResident("R0001");

        var error = Assert.Throws<StoreException>(() => _harness.AddResident("R0001", name: "李娜"));

        Assert.Equal(StoreErrorCode.DuplicateResident, error.Code);
        Assert.Contains("R0001", error.Message, StringComparison.Ordinal);
        Assert.True(Store.TryGetResident(ResidentId.Parse("R0001"), out var kept));
        Assert.Equal("张伟", kept.Name);
    }

    [Theory]
    [InlineData("update")]
    [InlineData("delete")]
    [InlineData("card")]
    [InlineData("pin")]
    [InlineData("export")]
    public void Operation_UnknownResident_ThrowsUnknownResidentNamingId(string operation)
    {
        var id = ResidentId.Parse("R0404");
        Action act = operation switch
        {
            "update" => () => Store.UpdateResident(new Resident(id, "x", null, ResidentStatus.Active, false), "op"),
            "delete" => () => Store.DeleteResident(id, "op"),
            "card" => () => Store.AddCard(id, CardFormat.Mifare, [1, 2, 3, 4], "op"),
            "pin" => () => Store.SetPin(id, "1234", "op"),
            _ => () => Store.ExportResident(id, "op"),
        };

        var error = Assert.Throws<StoreException>(act);

        Assert.Equal(StoreErrorCode.UnknownResident, error.Code);
        Assert.Contains("R0404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateResident_MoveOut_DeletesFaceDataAtOnceAndAudits()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.AddFaceTemplate(id, "arcface-r100", StoreHarness.Embedding(1), "office-1");

        Store.UpdateResident(new Resident(id, "张伟", "3-201", ResidentStatus.MovedOut, false), "office-1");

        Assert.Empty(Store.ListFaceTemplates(id));
        Assert.Null(Store.ReadWrappedDataKey(id));
        Assert.Empty(Store.LoadFaceTemplates());
        var last = Store.ReadAudit(1, 100)[^1];
        Assert.Equal(AuditAction.ResidentMovedOut, last.Action);
        Assert.Equal("face templates deleted: 1", last.Detail);
    }

    [Fact]
    public void AddFaceTemplate_MovedOutResident_ThrowsResidentMovedOut()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.UpdateResident(new Resident(id, "张伟", null, ResidentStatus.MovedOut, false), "office-1");

        var error = Assert.Throws<StoreException>(() => Store.AddFaceTemplate(id, "m", StoreHarness.Embedding(1), "office-1"));

        Assert.Equal(StoreErrorCode.ResidentMovedOut, error.Code);
    }

    [Fact]
    public void DeleteResident_Existing_RemovesResidentCardsPinAndConsents()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, [1, 2, 3, 4], "op");
        Store.SetPin(id, "482913", "op");
        _harness.GiveFaceConsent(id);

        Store.DeleteResident(id, "op");

        Assert.False(Store.TryGetResident(id, out _));
        Assert.False(Store.TryFindCard(CardFormat.Mifare, [1, 2, 3, 4], out _));
        Assert.False(Store.TryFindResidentByPin("482913", out _));
        Assert.Equal(0L, Store.ExecuteScalarForTests("SELECT COUNT(*) FROM consents"));
        Assert.Equal(AuditAction.ResidentDeleted, Store.ReadAudit(1, 100)[^1].Action);
    }

    [Fact]
    public void AddResident_DiskFull_ThrowsDiskFullAndWritesNothing()
    {
        _harness.AddResident("R0001");
        var pages = (long)Store.ExecuteScalarForTests("PRAGMA page_count")!;
        Store.ExecuteScalarForTests($"PRAGMA max_page_count = {pages}");
        var auditBefore = Store.ReadAudit(1, 1000).Count;

        var error = Assert.Throws<StoreException>(() =>
        {
            for (var i = 2; i < 10_000; i++)
            {
                Store.AddResident(new Resident(ResidentId.Parse($"R{i:D5}"), new string('名', 200), null, ResidentStatus.Active, false), "op");
            }
        });

        Assert.Equal(StoreErrorCode.DiskFull, error.Code);
        var residents = Store.ListResidents().Count;
        var audit = Store.ReadAudit(1, 100_000);
        Assert.Equal(residents - 1, audit.Count - auditBefore);
        Assert.True(Store.VerifyAudit().IsIntact);
    }

    public void Dispose() => _harness.Dispose();
}
