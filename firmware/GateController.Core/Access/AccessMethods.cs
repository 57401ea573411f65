namespace GateController.Core.Access;

/// <summary>The ways a door can be opened; a door policy enables a combination.</summary>
[Flags]
public enum AccessMethods
{
    /// <summary>No method.</summary>
    None = 0,

    /// <summary>A card alone.</summary>
    Card = 1,

    /// <summary>A PIN alone.</summary>
    Pin = 2,

    /// <summary>A face alone, identified 1:N among consented residents.</summary>
    Face = 4,

    /// <summary>A card, then the card holder's PIN.</summary>
    CardAndPin = 8,

    /// <summary>A card, then a 1:1 face verification against the card holder's template.</summary>
    CardAndFace = 16,

    /// <summary>A visitor code issued by a resident.</summary>
    VisitorCode = 32,
}
