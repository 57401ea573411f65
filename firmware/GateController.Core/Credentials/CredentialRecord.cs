using GateController.Core.Residents;

namespace GateController.Core.Credentials;

/// <summary>
/// A credential as the store holds it for a resident. Subclasses carry what identifies the credential;
/// none of them carries a PIN, a face template or a face image, and <see cref="object.ToString"/> never reveals a card identifier.
/// </summary>
public abstract class CredentialRecord
{
    /// <summary>Creates the common part of a credential.</summary>
    /// <param name="residentId">The resident the credential belongs to (for a visitor code: the resident who issued it).</param>
    /// <param name="validity">When the credential may be used.</param>
    protected CredentialRecord(ResidentId residentId, ValidityWindow validity)
    {
        if (residentId.Value is null)
        {
            throw new ArgumentException("a credential needs a resident id", nameof(residentId));
        }

        ResidentId = residentId;
        Validity = validity;
    }

    /// <summary>The resident the credential belongs to.</summary>
    public ResidentId ResidentId { get; }

    /// <summary>When the credential may be used.</summary>
    public ValidityWindow Validity { get; }

    /// <summary>Which kind of credential this is.</summary>
    public abstract CredentialKind Kind { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} credential of {ResidentId}";
}
