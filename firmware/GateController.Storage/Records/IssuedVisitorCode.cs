namespace GateController.Storage.Records;

/// <summary>
/// A visitor code just issued: the record and the code's digits, which exist only here, to be shown once to the
/// resident. The store keeps a keyed hash of the code; <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="Record">What the store keeps.</param>
/// <param name="Code">The digits to give the visitor; never log or store them.</param>
public sealed record IssuedVisitorCode(VisitorCodeRecord Record, string Code)
{
    /// <inheritdoc />
    public override string ToString() => $"visitor code {Record.VisitorCodeId} of {Record.IssuedBy}";
}
