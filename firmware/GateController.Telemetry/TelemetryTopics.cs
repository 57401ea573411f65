namespace GateController.Telemetry;

/// <summary>The MQTT topics of one unit: <c>gatecontroller/&lt;unit-id&gt;/…</c>.</summary>
public sealed class TelemetryTopics
{
    /// <summary>The first level of every topic.</summary>
    public const string Root = "gatecontroller";

    /// <summary>Creates the topics of a unit; the id must be a valid unit id (see <see cref="TelemetryOptions"/>).</summary>
    public TelemetryTopics(string unitId)
    {
        if (!TelemetryOptions.IsValidUnitId(unitId))
        {
            throw new ArgumentException($"unit id '{unitId}' may only hold 1–64 letters, digits, '-' and '_'", nameof(unitId));
        }

        UnitId = unitId;
        Base = $"{Root}/{unitId}";
        Status = Base + "/status";
        Health = Base + "/health";
        Events = Base + "/events";
        CommandFilter = Base + "/cmd/+";
        CommandPrefix = Base + "/cmd/";
    }

    /// <summary>The unit id.</summary>
    public string UnitId { get; }

    /// <summary><c>gatecontroller/&lt;unit-id&gt;</c>.</summary>
    public string Base { get; }

    /// <summary>Retained: <c>online</c>, <c>offline</c> (last will) or <c>stopped</c>.</summary>
    public string Status { get; }

    /// <summary>Retained health document.</summary>
    public string Health { get; }

    /// <summary>Access decisions and alarms, not retained.</summary>
    public string Events { get; }

    /// <summary>The subscription for commands: <c>…/cmd/+</c>.</summary>
    public string CommandFilter { get; }

    /// <summary><c>…/cmd/</c>, followed by the command name.</summary>
    public string CommandPrefix { get; }

    /// <summary>The command topic of <paramref name="command"/>.</summary>
    public string Command(string command) => CommandPrefix + command;

    /// <summary>The reply topic of <paramref name="command"/>.</summary>
    public string Reply(string command) => Base + "/reply/" + command;

    /// <summary>Extracts the command name from a command topic, or null when the topic is not one.</summary>
    public string? CommandName(string topic) =>
        topic.StartsWith(CommandPrefix, StringComparison.Ordinal) && topic.Length > CommandPrefix.Length && topic.IndexOf('/', CommandPrefix.Length) < 0
            ? topic[CommandPrefix.Length..]
            : null;
}
