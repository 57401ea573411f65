namespace GateController.Core.Credentials;

/// <summary>What a person presented at the gate.</summary>
public enum CredentialKind
{
    /// <summary>A card or tag identifier.</summary>
    Card = 0,

    /// <summary>A personal identification number typed on a keypad.</summary>
    Pin = 1,

    /// <summary>A one-time or limited-use visitor code typed on a keypad.</summary>
    VisitorCode = 2,

    /// <summary>A face match produced by the face pipeline (a template reference, never the template).</summary>
    Face = 3,
}
