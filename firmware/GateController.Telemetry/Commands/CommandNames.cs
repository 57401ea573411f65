namespace GateController.Telemetry.Commands;

/// <summary>The commands a unit answers on <c>…/cmd/&lt;name&gt;</c>.</summary>
public static class CommandNames
{
    /// <summary>Answers "pong".</summary>
    public const string Ping = "ping";

    /// <summary>Publishes health now.</summary>
    public const string HealthNow = "health";

    /// <summary>LED and buzzer pattern; the relay only for a technician with the door-release permission.</summary>
    public const string SelfTest = "self-test";

    /// <summary>Releases the door once (door-release permission).</summary>
    public const string DoorRelease = "door-release";

    /// <summary>Reloads the configuration.</summary>
    public const string ReloadConfiguration = "reload-configuration";

    /// <summary>Every command name.</summary>
    public static IReadOnlyList<string> All { get; } = [Ping, HealthNow, SelfTest, DoorRelease, ReloadConfiguration];
}
