using System.Text.Json.Nodes;
using GateController.Service.Admin;
using GateController.Service.Health;

namespace GateController.Service.Hosting;

/// <summary>The admin <c>status</c> command's view of the running service: state, door, readers and degraded subsystems.</summary>
public sealed class ServiceStatusSource : IServiceStatusSource
{
    private readonly ServiceReadiness _readiness;
    private readonly DegradedSubsystems _degraded;
    private readonly string _board;

    /// <summary>Creates the source.</summary>
    public ServiceStatusSource(ServiceReadiness readiness, DegradedSubsystems degraded, string board)
    {
        _readiness = readiness;
        _degraded = degraded;
        _board = board;
    }

    /// <inheritdoc/>
    public void AddTo(JsonObject status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var subsystems = _degraded.Snapshot();
        var degraded = subsystems.Where(s => s.Degraded).ToList();
        status["state"] = degraded.Count == 0 ? "running" : "degraded";
        status["board"] = _board;
        if (_readiness.DoorPath.IsCompletedSuccessfully && _readiness.DoorPath.Result is { } doorPath)
        {
            var io = doorPath.Io;
            status["door"] = new JsonObject
            {
                ["id"] = doorPath.DoorId.Value,
                ["lock"] = doorPath.Machine.State.ToString(),
                ["open"] = io.DoorOpen,
                ["fireAlarm"] = io.FireAlarmActive,
                ["tamper"] = io.TamperActive,
                ["decisions"] = doorPath.Pipeline.CredentialsDecided,
            };
            status["readers"] = new JsonArray([.. doorPath.ReaderHealth().Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.ReaderId,
                ["state"] = r.State.ToString(),
                ["goodFrames"] = r.GoodFrames,
                ["badFrames"] = r.BadFrames,
                ["lastError"] = r.LastError,
            })]);
        }

        status["degraded"] = new JsonArray([.. degraded.Select(s => (JsonNode)new JsonObject
        {
            ["subsystem"] = s.Name,
            ["lastError"] = s.LastError,
            ["since"] = s.Since,
        })]);
    }
}
