namespace GateController.Core.Privacy;

/// <summary>Pure least-privilege check (rule P13).</summary>
public static class OperatorAuthorization
{
    /// <summary>Whether <paramref name="role"/> may do what <paramref name="permission"/> (one or more flags) allows.</summary>
    public static AuthorizationResult Check(OperatorRole role, OperatorPermission permission)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (permission == OperatorPermission.None || (permission & ~OperatorRole.AllPermissions) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(permission), permission, "name one or more defined permissions");
        }

        var missing = permission & ~role.Permissions;
        return missing == OperatorPermission.None
            ? new AuthorizationResult(true, OperatorPermission.None, null)
            : new AuthorizationResult(false, missing, $"role '{role.Name}' lacks the {missing} permission");
    }
}
