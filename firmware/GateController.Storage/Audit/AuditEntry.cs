using GateController.Core.Residents;

namespace GateController.Storage.Audit;

/// <summary>One entry of the hash-chained audit log. Holds ids only: never names, card UIDs or PINs.</summary>
/// <param name="Sequence">Position in the chain, from 1, without gaps.</param>
/// <param name="Time">When the entry was written.</param>
/// <param name="Action">What happened.</param>
/// <param name="OperatorId">The operator who did it; null for the unit itself or the resident at the gate.</param>
/// <param name="Resident">The resident concerned, if any.</param>
/// <param name="Detail">Non-personal detail (counts, template ids, setting names).</param>
/// <param name="HashHex">SHA-256 over the previous entry's hash and this entry's canonical form, in hex.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Time,
    AuditAction Action,
    string? OperatorId,
    ResidentId? Resident,
    string? Detail,
    string HashHex);
