namespace GateController.Storage.Records;

/// <summary>Visitor codes counted for the impact-assessment facts; never a code.</summary>
/// <param name="Active">Codes not revoked, not expired, with a use left.</param>
/// <param name="Issued">Codes issued since <paramref name="IssuedSince"/>, counted in the audit log (pruned codes included).</param>
/// <param name="IssuedSince">The start of the period <paramref name="Issued"/> covers.</param>
public sealed record VisitorCodeCounts(int Active, int Issued, DateTimeOffset IssuedSince);
