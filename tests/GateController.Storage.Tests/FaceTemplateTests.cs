using System.Runtime.InteropServices;
using GateController.Core.Residents;
using GateController.Storage.Audit;

namespace GateController.Storage.Tests;

public sealed class FaceTemplateTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    private ResidentId EnrollableResident(string id = "R0001")
    {
        var resident = _harness.AddResident(id);
        _harness.GiveFaceConsent(resident);
        return resident;
    }

    [Fact]
    public void LoadFaceTemplates_AfterReopen_ReturnsExactEmbeddings()
    {
        var first = EnrollableResident("R0001");
        var second = EnrollableResident("R0002");
        var a = StoreHarness.Embedding(1);
        var b = StoreHarness.Embedding(2);
        var c = StoreHarness.Embedding(3, length: 128);
        var ra = Store.AddFaceTemplate(first, "arcface-r100", a, "op");
        var rb = Store.AddFaceTemplate(first, "arcface-r100", b, "op");
        var rc = Store.AddFaceTemplate(second, "mobileface", c, "op");
        _harness.Reopen();

        var loaded = Store.LoadFaceTemplates().ToDictionary(t => t.TemplateId);

        Assert.Equal(3, loaded.Count);
        Assert.Equal(a, loaded[ra.TemplateId].Embedding.ToArray());
        Assert.Equal(b, loaded[rb.TemplateId].Embedding.ToArray());
        Assert.Equal(c, loaded[rc.TemplateId].Embedding.ToArray());
        Assert.Equal(second, loaded[rc.TemplateId].Resident);
        Assert.Equal("mobileface", loaded[rc.TemplateId].ModelId);
    }

    [Fact]
    public void AddFaceTemplate_SameEmbeddingTwice_UsesDifferentNoncesAndCiphertexts()
    {
        var id = EnrollableResident();
        var embedding = StoreHarness.Embedding(7);

        var first = Store.ReadSealedTemplate(Store.AddFaceTemplate(id, "m", embedding, "op").TemplateId)!;
        var second = Store.ReadSealedTemplate(Store.AddFaceTemplate(id, "m", embedding, "op").TemplateId)!;

        Assert.NotEqual(first[..12], second[..12]);
        Assert.NotEqual(first[12..], second[12..]);
    }

    [Fact]
    public void DatabaseFiles_AfterEnrollment_HoldNoPlaintextTemplate()
    {
        var id = EnrollableResident();
        var embedding = StoreHarness.Embedding(11);
        Store.AddFaceTemplate(id, "m", embedding, "op");
        var plaintext = MemoryMarshal.AsBytes(embedding.AsSpan()).ToArray();

        Assert.False(_harness.DatabaseFilesContain(plaintext.AsSpan(0, 32)));
        _harness.Close();
        Assert.False(_harness.DatabaseFilesContain(plaintext.AsSpan(0, 32)));
    }

    [Theory]
    [InlineData("UPDATE face_templates SET model_id = 'other-model'")]
    [InlineData("UPDATE face_templates SET sealed = substr(sealed, 1, 40) || CASE WHEN substr(sealed, 41, 1) = X'FF' THEN X'00' ELSE X'FF' END || substr(sealed, 42)")]
    [InlineData("UPDATE face_templates SET sealed = CAST(substr(sealed, 1, 40) || CASE WHEN substr(sealed, 41, 1) = X'FF' THEN X'00' ELSE X'FF' END || substr(sealed, 42) AS BLOB)")]
    [InlineData("UPDATE face_templates SET sealed = substr(sealed, 1, length(sealed) - 4)")]
    [InlineData("UPDATE resident_keys SET wrapped_key = CAST((CASE WHEN substr(wrapped_key, 1, 1) = X'00' THEN X'01' ELSE X'00' END) || substr(wrapped_key, 2) AS BLOB)")]
    [InlineData("UPDATE face_templates SET id = 'ffffffffffffffffffffffffffffffff'")]
    public void LoadFaceTemplates_TamperedRow_ThrowsDecryptionFailed(string tamper)
    {
        var id = EnrollableResident();
        Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op");

        _harness.EditFile(tamper);

        var error = Assert.Throws<StoreException>(() => Store.LoadFaceTemplates());
        Assert.Equal(StoreErrorCode.DecryptionFailed, error.Code);
    }

    [Fact]
    public void LoadFaceTemplates_TemplateMovedToOtherResident_ThrowsDecryptionFailed()
    {
        var first = EnrollableResident("R0001");
        var second = EnrollableResident("R0002");
        Store.AddFaceTemplate(first, "arcface", StoreHarness.Embedding(1), "op");
        Store.AddFaceTemplate(second, "arcface", StoreHarness.Embedding(2), "op");

        _harness.EditFile("UPDATE face_templates SET sealed = (SELECT sealed FROM face_templates WHERE resident_id = 'R0001') WHERE resident_id = 'R0002'");

        var error = Assert.Throws<StoreException>(() => Store.LoadFaceTemplates());
        Assert.Equal(StoreErrorCode.DecryptionFailed, error.Code);
        Assert.Contains("R0002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFaceTemplate_Enrolled_IsAuditedWithIdsOnly()
    {
        var id = EnrollableResident();

        var template = Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "office-7");

        var entry = Store.ReadAudit(1, 100)[^1];
        Assert.Equal(AuditAction.FaceEnrolled, entry.Action);
        Assert.Equal("office-7", entry.OperatorId);
        Assert.Equal(id, entry.Resident);
        Assert.Contains(template.TemplateId, entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    public void AddFaceTemplate_BadLength_ThrowsArgumentException(int length)
    {
        var id = EnrollableResident();

        Assert.Throws<ArgumentException>(() => Store.AddFaceTemplate(id, "m", new float[length], "op"));
    }

    public void Dispose() => _harness.Dispose();
}
