namespace GateController.Core.Privacy;

/// <summary>Who can reach the data: one role and what it may do.</summary>
/// <param name="Role">The role's name.</param>
/// <param name="Description">Who it is for.</param>
/// <param name="Permissions">The permissions' names.</param>
/// <param name="CanReachFaceData">True when the role may enroll, export or delete (touches face data or consents).</param>
public sealed record OperatorRoleFact(string Role, string Description, IReadOnlyList<string> Permissions, bool CanReachFaceData)
{
    /// <summary>How many operator accounts the configuration gives this role.</summary>
    public int Operators { get; init; }
}
