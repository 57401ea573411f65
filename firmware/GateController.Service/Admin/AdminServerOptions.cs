using GateController.Core.Privacy;

namespace GateController.Service.Admin;

/// <summary>Settings of the admin API: where its socket is, who may reach it, and which operators exist.</summary>
public sealed class AdminServerOptions
{
    /// <summary>The default socket path.</summary>
    public const string DefaultSocketPath = "/run/gatecontroller/admin.sock";

    /// <summary>The Unix socket's path.</summary>
    public string SocketPath { get; set; } = DefaultSocketPath;

    /// <summary>The group given read/write access to the socket (mode 0660); null keeps the service's own group.</summary>
    public string? SocketGroup { get; set; }

    /// <summary>The longest request line accepted, in bytes (default 8 MiB: an import of about 60,000 residents).</summary>
    public int MaximumRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The operator accounts; a request naming anyone else is refused.</summary>
    public IList<AdminOperator> Operators { get; } = [];

    /// <summary>The access groups the door configuration defines; <c>resident.set-group</c> and the import accept only these.</summary>
    public IList<string> AccessGroups { get; } = [];

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(SocketPath) || !Path.IsPathFullyQualified(SocketPath))
        {
            problems.Add($"{nameof(SocketPath)} must be an absolute path, not '{SocketPath}'");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(SocketPath) > 107)
        {
            problems.Add($"{nameof(SocketPath)} '{SocketPath}' is longer than the 107 bytes a Unix socket path may have");
        }

        if (SocketGroup is not null && string.IsNullOrWhiteSpace(SocketGroup))
        {
            problems.Add($"{nameof(SocketGroup)} must name a group or be left out");
        }

        if (MaximumRequestBytes is < 1024 or > 64 * 1024 * 1024)
        {
            problems.Add($"{nameof(MaximumRequestBytes)} must be 1024–67108864 bytes, not {MaximumRequestBytes}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in Operators)
        {
            if (string.IsNullOrWhiteSpace(account?.Name))
            {
                problems.Add($"{nameof(Operators)}: an operator has no name");
                continue;
            }

            if (!names.Add(account.Name))
            {
                problems.Add($"{nameof(Operators)}: operator '{account.Name}' is configured more than once");
            }

            if (FindRole(account.Role) is null)
            {
                problems.Add($"{nameof(Operators)}: operator '{account.Name}' has role '{account.Role}'; use one of {string.Join(", ", OperatorRole.Defaults.Select(r => r.Name))}");
            }
        }

        return problems;
    }

    /// <summary>The default role named <paramref name="name"/>, or null.</summary>
    internal static OperatorRole? FindRole(string? name) =>
        OperatorRole.Defaults.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
