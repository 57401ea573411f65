namespace GateController.Storage.Records;

/// <summary>A technician's unsealed key with their permission, for the command checker; <see cref="ToString"/> never shows the key.</summary>
/// <param name="TechnicianId">The technician id.</param>
/// <param name="Key">The 32-byte HMAC-SHA-256 key.</param>
/// <param name="MayReleaseDoor">Whether they may release the door.</param>
public sealed record TechnicianSecret(string TechnicianId, IReadOnlyList<byte> Key, bool MayReleaseDoor)
{
    /// <inheritdoc />
    public override string ToString() => $"technician {TechnicianId}";
}
