namespace GateController.Cli.Provisioning;

/// <summary>
/// Decides who owns the files <c>gatectl provision</c> makes (device key, unit-id file, a key directory it creates, the
/// data directory): the service reads the key as its own user, and a key left to root is one it cannot open.
/// Run as root without <c>--owner</c>, the files go to the <see cref="DefaultServiceUser"/> when that user exists;
/// run as anyone else they stay the caller's, and only root may give them to another user.
/// </summary>
internal static class ProvisionOwnership
{
    /// <summary>The user (and group) the package runs the service as.</summary>
    public const string DefaultServiceUser = "gatecontroller";

    /// <summary>The owner for <paramref name="ownerOption"/> (USER or USER:GROUP, names or numbers) as <paramref name="effectiveUserId"/>.</summary>
    public static ProvisionOwnershipDecision Decide(uint effectiveUserId, string? ownerOption, UnixAccountDatabase accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var root = effectiveUserId == 0;
        if (ownerOption is null)
        {
            if (!root)
            {
                return new ProvisionOwnershipDecision(null, null, null);
            }

            return Resolve(DefaultServiceUser, null, accounts) is { } service
                ? new ProvisionOwnershipDecision(service, null, null)
                : new ProvisionOwnershipDecision(
                    null,
                    $"there is no '{DefaultServiceUser}' user on this machine, so the files stay root's; give --owner USER[:GROUP] for the user the service runs as",
                    null);
        }

        var text = ownerOption.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? text : text[..colon];
        var group = colon < 0 ? null : text[(colon + 1)..];
        if (user.Length == 0 || group is { Length: 0 })
        {
            return Refused($"--owner '{ownerOption}' must be USER or USER:GROUP");
        }

        if (accounts.FindUser(user) is null)
        {
            return Refused($"--owner: there is no user '{user}' on this machine");
        }

        if (group is not null && accounts.FindGroup(group) is null)
        {
            return Refused($"--owner: there is no group '{group}' on this machine");
        }

        var owner = Resolve(user, group, accounts)!;
        if (!root && owner.UserId != effectiveUserId)
        {
            return Refused($"--owner {owner}: only root can give files to another user; run gatectl provision with sudo");
        }

        return new ProvisionOwnershipDecision(owner, null, null);
    }

    private static UnixAccount? Resolve(string user, string? group, UnixAccountDatabase accounts)
    {
        if (accounts.FindUser(user) is not { } found)
        {
            return null;
        }

        if (group is not null)
        {
            return new UnixAccount(user, found.UserId, group, accounts.FindGroup(group)!.Value);
        }

        // The group of the same name (as the package creates it), else the user's primary group.
        return accounts.FindGroup(user) is { } sameName
            ? new UnixAccount(user, found.UserId, user, sameName)
            : new UnixAccount(user, found.UserId, found.PrimaryGroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), found.PrimaryGroupId);
    }

    private static ProvisionOwnershipDecision Refused(string error) => new(null, null, error);
}
