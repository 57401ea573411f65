namespace GateController.Core.Credentials;

/// <summary>The store's identifier of an encrypted face template; a reference, never the template itself.</summary>
/// <param name="Value">A positive number assigned by the store.</param>
public readonly record struct FaceTemplateId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => $"template {Value}";
}
