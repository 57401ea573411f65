using GateController.Core.Residents;

namespace GateController.Core.Credentials;

/// <summary>
/// A resident's PIN. The digits themselves are never held here: the store keeps a salted slow hash
/// and verifies typed digits against it.
/// </summary>
public sealed class PinCredential : CredentialRecord
{
    /// <summary>Creates a PIN credential.</summary>
    /// <param name="residentId">The PIN's owner.</param>
    /// <param name="validity">When the PIN may be used.</param>
    public PinCredential(ResidentId residentId, ValidityWindow validity)
        : base(residentId, validity)
    {
    }

    /// <inheritdoc />
    public override CredentialKind Kind => CredentialKind.Pin;
}
