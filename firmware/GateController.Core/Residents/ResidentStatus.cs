namespace GateController.Core.Residents;

/// <summary>Whether a resident still lives in the community.</summary>
public enum ResidentStatus
{
    /// <summary>Lives here; credentials work subject to policy.</summary>
    Active = 0,

    /// <summary>Moved out; every credential is refused and face data is deleted.</summary>
    MovedOut = 1,
}
