using System.Text.Json.Nodes;

namespace GateController.Service.Admin;

/// <summary>The running service's state for the admin <c>status</c> command: the door path, the board, degraded subsystems.</summary>
public interface IServiceStatusSource
{
    /// <summary>Adds the service's state to <paramref name="status"/>.</summary>
    void AddTo(JsonObject status);
}
