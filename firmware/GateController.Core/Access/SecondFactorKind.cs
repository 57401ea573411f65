namespace GateController.Core.Access;

/// <summary>What was presented after a card as a second factor.</summary>
public enum SecondFactorKind
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A PIN typed after the card.</summary>
    Pin = 1,

    /// <summary>A face verified 1:1 against the card holder's template.</summary>
    Face = 2,
}
