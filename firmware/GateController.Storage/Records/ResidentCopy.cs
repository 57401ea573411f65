using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>What the unit holds about a resident (P11): facts, not secrets or template bytes.</summary>
/// <param name="Resident">The resident's record.</param>
/// <param name="Cards">Registered cards (format and date only).</param>
/// <param name="PinSetAt">When the PIN was set; null when no PIN is set.</param>
/// <param name="Consents">Every consent, with withdrawals.</param>
/// <param name="FaceTemplates">Face templates that exist, when made and under which consent.</param>
/// <param name="ExportedAt">When this copy was made.</param>
public sealed record ResidentCopy(
    Resident Resident,
    IReadOnlyList<CardSummary> Cards,
    DateTimeOffset? PinSetAt,
    IReadOnlyList<StoredConsent> Consents,
    IReadOnlyList<FaceTemplateRecord> FaceTemplates,
    DateTimeOffset ExportedAt)
{
    /// <summary>
    /// The visitor codes this resident asked for that the unit still holds (expired and revoked codes are pruned):
    /// number, window and uses only; a code itself is kept only as a keyed hash and cannot be shown.
    /// </summary>
    public IReadOnlyList<VisitorCodeRecord> VisitorCodes { get; init; } = [];

    /// <summary>True when a PIN is set.</summary>
    public bool HasPin => PinSetAt is not null;
}
