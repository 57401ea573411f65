namespace GateController.Core.Consents;

/// <summary>What a separate consent (PIPL art. 29) covers.</summary>
public enum ConsentKind
{
    /// <summary>Computing and storing face templates to open the door.</summary>
    Face = 0,
}
