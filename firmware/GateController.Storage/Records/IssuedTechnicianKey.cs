namespace GateController.Storage.Records;

/// <summary>A technician just added: the record and the key, which exists in clear only here, to be handed over once.</summary>
/// <param name="Record">What the store lists.</param>
/// <param name="Key">The 32-byte key; never log or publish it.</param>
public sealed record IssuedTechnicianKey(TechnicianRecord Record, IReadOnlyList<byte> Key)
{
    /// <inheritdoc />
    public override string ToString() => $"technician {Record.TechnicianId}";
}
