namespace GateController.Core.Access;

/// <summary>What the store (PIN hash) or the face pipeline (1:1) found when checking a second factor.</summary>
public enum SecondFactorOutcome
{
    /// <summary>No second factor was checked.</summary>
    NotChecked = 0,

    /// <summary>The second factor belongs to the card holder.</summary>
    Matched = 1,

    /// <summary>The second factor does not belong to the card holder.</summary>
    Mismatched = 2,
}
