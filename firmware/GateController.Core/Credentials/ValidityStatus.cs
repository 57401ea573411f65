namespace GateController.Core.Credentials;

/// <summary>Where an instant falls relative to a <see cref="ValidityWindow"/>.</summary>
public enum ValidityStatus
{
    /// <summary>Inside the window.</summary>
    Valid = 0,

    /// <summary>Before the window starts.</summary>
    NotYetValid = 1,

    /// <summary>At or after the window ends.</summary>
    Expired = 2,
}
