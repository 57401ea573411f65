namespace GateController.Telemetry.Commands;

/// <summary>
/// What the unit does for commands; wired by the service. A command whose handler is null is answered
/// "not supported on this unit". Handlers run off the MQTT network thread.
/// </summary>
public sealed class TelemetryCommandHandlers
{
    /// <summary>Runs the self-test; the argument says whether the relay may be driven.</summary>
    public Func<bool, CancellationToken, Task<CommandOutcome>>? SelfTestAsync { get; init; }

    /// <summary>Releases the door once; the argument is the technician id (for the door's own log).</summary>
    public Func<string, CancellationToken, Task<CommandOutcome>>? DoorReleaseAsync { get; init; }

    /// <summary>Reloads the configuration.</summary>
    public Func<CancellationToken, Task<CommandOutcome>>? ReloadConfigurationAsync { get; init; }
}
