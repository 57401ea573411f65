using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>What the store holds about one face template, without its bytes.</summary>
/// <param name="TemplateId">The template's id (bound into the encryption).</param>
/// <param name="Resident">Whose template it is.</param>
/// <param name="ModelId">The face model that computed it (bound into the encryption).</param>
/// <param name="ConsentId">The consent it was made under.</param>
/// <param name="CreatedAt">When it was enrolled.</param>
/// <param name="LastUsedAt">When it last matched (or was enrolled).</param>
public sealed record FaceTemplateRecord(
    string TemplateId,
    ResidentId Resident,
    string ModelId,
    long ConsentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt)
{
    /// <summary>
    /// The store's number of the template (the one <see cref="IGateStore.TryFindFaceTemplate"/> and a streamed load
    /// give): it names the template in the in-memory index.
    /// </summary>
    public long Number { get; init; }
}
