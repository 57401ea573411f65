using System.Runtime.InteropServices;
using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Storage.Tests;

public sealed class CryptoShreddingTests : IDisposable
{
    // Production WAL reserve: shredding must hold with the reserved (non-truncated) WAL too.
    private readonly StoreHarness _harness = new(new GateStoreOptions().WalReserveKilobytes);

    private GateStore Store => _harness.Store;

    public static TheoryData<string> Deletions => ["resident", "face", "withdrawal", "move-out"];

    [Theory]
    [MemberData(nameof(Deletions))]
    public void Delete_EnrolledTemplate_LeavesNoTemplateKeyOrCiphertextInDatabaseWalOrShm(string deletion)
    {
        var id = _harness.AddResident();
        var bystander = _harness.AddResident("R0002");
        _harness.GiveFaceConsent(id);
        _harness.GiveFaceConsent(bystander);
        var embedding = StoreHarness.Embedding(42);
        var template = Store.AddFaceTemplate(id, "arcface", embedding, "op");
        Store.AddFaceTemplate(bystander, "arcface", StoreHarness.Embedding(43), "op");
        var plaintext = MemoryMarshal.AsBytes(embedding.AsSpan()).ToArray();
        var sealedTemplate = Store.ReadSealedTemplate(template.TemplateId)!;
        var wrappedKey = Store.ReadWrappedDataKey(id)!;
        var dataKey = Store.UnwrapDataKey(id, wrappedKey)!;
        Assert.NotNull(dataKey);

        // Positive control: before deletion the scan finds the stored ciphertext and wrapped key.
        Assert.True(_harness.DatabaseFilesContain(sealedTemplate.AsSpan(12, 64)));
        Assert.True(_harness.DatabaseFilesContain(wrappedKey));

        Delete(deletion, id);

        AssertNothingRemains(plaintext, sealedTemplate, wrappedKey, dataKey);
        _harness.Close();
        AssertNothingRemains(plaintext, sealedTemplate, wrappedKey, dataKey);
        _harness.Reopen();
        Assert.Equal([bystander], Store.LoadFaceTemplates().Select(t => t.Resident));
    }

    [Fact]
    public void DeleteFaceData_ThenEnrollAgain_UsesANewDataKey()
    {
        var id = _harness.AddResident();
        _harness.GiveFaceConsent(id);
        Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(1), "op");
        var oldWrapped = Store.ReadWrappedDataKey(id)!;
        var oldKey = Store.UnwrapDataKey(id, oldWrapped)!;

        Store.DeleteFaceData(id, "op");
        Store.AddFaceTemplate(id, "arcface", StoreHarness.Embedding(2), "op");

        var newKey = Store.UnwrapDataKey(id, Store.ReadWrappedDataKey(id)!)!;
        Assert.NotEqual(oldKey, newKey);
        Assert.False(_harness.DatabaseFilesContain(oldWrapped));
    }

    private void Delete(string deletion, ResidentId id)
    {
        switch (deletion)
        {
            case "resident":
                Store.DeleteResident(id, "op");
                break;
            case "face":
                Assert.Equal(1, Store.DeleteFaceData(id, "op"));
                break;
            case "withdrawal":
                Store.WithdrawConsent(id, ConsentKind.Face, ConsentChannel.Gate, null);
                break;
            default:
                Store.UpdateResident(new Resident(id, "张伟", null, ResidentStatus.MovedOut, false), "op");
                break;
        }
    }

    private void AssertNothingRemains(byte[] plaintext, byte[] sealedTemplate, byte[] wrappedKey, byte[] dataKey)
    {
        foreach (var (name, bytes) in _harness.ReadDatabaseFiles())
        {
            var span = bytes.AsSpan();
            Assert.True(span.IndexOf(plaintext.AsSpan(0, 16)) < 0, $"{name} holds template bytes");
            Assert.True(span.IndexOf(sealedTemplate.AsSpan(12, 16)) < 0, $"{name} holds template ciphertext");
            Assert.True(span.IndexOf(sealedTemplate.AsSpan(sealedTemplate.Length - 16)) < 0, $"{name} holds the template's tag");
            Assert.True(span.IndexOf(wrappedKey.AsSpan(0, 16)) < 0, $"{name} holds the wrapped data key");
            Assert.True(span.IndexOf(wrappedKey.AsSpan(12, 16)) < 0, $"{name} holds the wrapped data key");
            Assert.True(span.IndexOf(dataKey.AsSpan(0, 16)) < 0, $"{name} holds the data key");
        }
    }

    public void Dispose() => _harness.Dispose();
}
