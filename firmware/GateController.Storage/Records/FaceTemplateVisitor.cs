using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>
/// Receives one decrypted face template while the store streams them. <paramref name="embedding"/> is valid only
/// during the call and is cleared right after it: copy what must be kept (into a quantised index), never the span.
/// </summary>
/// <param name="resident">Whose template it is.</param>
/// <param name="templateNumber">The store's number of the template (as <see cref="FaceTemplateRecord.Number"/>).</param>
/// <param name="embedding">The decrypted embedding values.</param>
public delegate void FaceTemplateVisitor(ResidentId resident, long templateNumber, ReadOnlySpan<float> embedding);
