using GateController.Service.Admin;

namespace GateController.Service.Configuration;

/// <summary>The <c>Admin</c> section: the admin API's socket and the operators allowed to use it.</summary>
public sealed class AdminServiceOptions
{
    /// <summary>The admin API's Unix socket.</summary>
    public string Socket { get; set; } = AdminServerOptions.DefaultSocketPath;

    /// <summary>The group the socket belongs to, or null for the service's own group.</summary>
    public string? SocketGroup { get; set; }

    /// <summary>The operators and their roles.</summary>
    public List<AdminOperator> Operators { get; set; } = [];

    /// <summary>The admin server's settings.</summary>
    public AdminServerOptions ToServerOptions()
    {
        var options = new AdminServerOptions { SocketPath = Socket, SocketGroup = SocketGroup };
        foreach (var account in Operators)
        {
            options.Operators.Add(account);
        }

        return options;
    }
}
