using GateController.Core.Residents;

namespace GateController.Core.Credentials;

/// <summary>A face enrollment: a reference to the encrypted template the store holds, never the template or an image.</summary>
public sealed class FaceCredential : CredentialRecord
{
    /// <summary>Creates a face credential.</summary>
    /// <param name="residentId">The enrolled resident.</param>
    /// <param name="templateId">The store's template identifier; must be positive.</param>
    /// <param name="validity">When face may be used.</param>
    public FaceCredential(ResidentId residentId, FaceTemplateId templateId, ValidityWindow validity)
        : base(residentId, validity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(templateId.Value, nameof(templateId));
        TemplateId = templateId;
    }

    /// <inheritdoc />
    public override CredentialKind Kind => CredentialKind.Face;

    /// <summary>The template reference.</summary>
    public FaceTemplateId TemplateId { get; }
}
