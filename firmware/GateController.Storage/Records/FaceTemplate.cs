using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>A decrypted face template, for the matcher only; never logged or exported.</summary>
/// <param name="Resident">Whose template it is.</param>
/// <param name="TemplateId">The template's id.</param>
/// <param name="ModelId">The face model that computed it.</param>
/// <param name="Embedding">The embedding values.</param>
public sealed record FaceTemplate(ResidentId Resident, string TemplateId, string ModelId, ReadOnlyMemory<float> Embedding);
