namespace GateController.Cli.Provisioning;

/// <summary>A user and group that provisioned files are given to.</summary>
/// <param name="UserName">The user's name (or number as given).</param>
/// <param name="UserId">The user id.</param>
/// <param name="GroupName">The group's name (or number as given).</param>
/// <param name="GroupId">The group id.</param>
internal sealed record UnixAccount(string UserName, int UserId, string GroupName, int GroupId)
{
    /// <inheritdoc />
    public override string ToString() => $"{UserName}:{GroupName}";
}
