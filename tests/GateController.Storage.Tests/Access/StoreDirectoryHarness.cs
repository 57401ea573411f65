using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Access;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Storage.Tests.Access;

/// <summary>A <see cref="StoreAccessDirectory"/> over a real SQLite file.</summary>
internal sealed class StoreDirectoryHarness : IDirectoryHarness
{
    private readonly StoreHarness _store = new();

    public StoreDirectoryHarness() => Directory = new StoreAccessDirectory(_store.Store);

    public IAccessDirectory Directory { get; }

    public FakeTimeProvider Time => _store.Time;

    public GateStore Store => _store.Store;

    public StoreHarness Files => _store;

    public void AddResident(ResidentId id) => _store.AddResident(id.Value);

    public void AddCard(ResidentId id, CardFormat format, byte[] uid) => _store.Store.AddCard(id, format, uid, "op");

    public void SetPin(ResidentId id, string pin) => _store.Store.SetPin(id, pin, "op");

    public void ConsentAndEnrollFace(ResidentId id)
    {
        _store.GiveFaceConsent(id);
        _store.Store.AddFaceTemplate(id, "model-1", StoreHarness.Embedding(id.Value.GetHashCode(StringComparison.Ordinal)), "op");
    }

    public void MoveOut(ResidentId id)
    {
        Assert.True(_store.Store.TryGetResident(id, out var resident));
        _store.Store.UpdateResident(resident with { Status = ResidentStatus.MovedOut }, "op");
    }

    public string IssueVisitorCode(ResidentId issuer, TimeSpan validFor, int uses)
    {
        var now = Time.GetUtcNow();
        return _store.Store.IssueVisitorCode(issuer, now, now + validFor, uses, "op").Code;
    }

    public bool HasFaceTemplate(ResidentId id) => _store.Store.ListFaceTemplates(id).Count > 0;

    public void Dispose() => _store.Dispose();

    public override string ToString() => "store";
}
