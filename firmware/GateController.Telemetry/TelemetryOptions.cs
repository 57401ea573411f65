using GateController.Telemetry.Commands;

namespace GateController.Telemetry;

/// <summary>Settings of the MQTT diagnostics side. Call <see cref="Validate"/> at start.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The unit id in every topic: 1–64 letters, digits, '-' or '_'.</summary>
    public string UnitId { get; set; } = string.Empty;

    /// <summary>Firmware version reported in health.</summary>
    public string FirmwareVersion { get; set; } = "0.0.0";

    /// <summary>Broker host name or address.</summary>
    public string BrokerHost { get; set; } = "localhost";

    /// <summary>Broker port (1883 plain, 8883 TLS).</summary>
    public int BrokerPort { get; set; } = 1883;

    /// <summary>MQTT keepalive in seconds (5–3600).</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>MQTT client id; defaults to <c>gatecontroller-&lt;unit-id&gt;</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Broker username, if the broker wants one.</summary>
    public string? Username { get; set; }

    /// <summary>Broker password (with <see cref="Username"/>).</summary>
    public string? Password { get; set; }

    /// <summary>CA certificate file (PEM); setting it turns TLS on.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>Client certificate file (PEM), with <see cref="TlsKeyFile"/>.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>Client private key file (PEM, unencrypted), with <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; set; }

    /// <summary>First reconnect delay.</summary>
    public TimeSpan ReconnectDelayMinimum { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest reconnect delay (exponential backoff up to it); short, so the unit is back and its outbox sent within
    /// seconds of the broker's return (a refused connect to a broker that is down costs next to nothing).
    /// </summary>
    public TimeSpan ReconnectDelayMaximum { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often health is published even without a change.</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Events held while the broker is away; beyond it the oldest non-alarm event is dropped.</summary>
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>QoS 1 messages handed to libmosquitto and not yet acknowledged, at most.</summary>
    public int MaximumInflightMessages { get; set; } = 100;

    /// <summary>
    /// The nice value (0–19, Linux) of telemetry's own threads: the thread that publishes events and libmosquitto's network
    /// thread. Higher is lower priority, so publishing never takes the CPU from the door path; the door path's threads are
    /// left alone. A process already started at a higher nice value keeps it.
    /// </summary>
    public int BackgroundThreadNice { get; set; } = 10;

    /// <summary>
    /// The shortest time between two publishing passes over the event queue (0–1 s): events that arrive in between go
    /// out together in the next pass, so a burst of events wakes the publishing thread once, not once per event.
    /// </summary>
    public TimeSpan EventBatchInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Whether events carry the resident's pseudonymous id. Off: events carry no identity at all.</summary>
    public bool PublishResidentIds { get; set; }

    /// <summary>Whether to publish Home Assistant discovery configuration.</summary>
    public bool HomeAssistantDiscovery { get; set; }

    /// <summary>Home Assistant discovery prefix.</summary>
    public string HomeAssistantPrefix { get; set; } = "homeassistant";

    /// <summary>How far a command's timestamp may be from the unit's clock.</summary>
    public TimeSpan CommandTimestampWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Nonces remembered against replay (per window); when full, new commands are refused.</summary>
    public int NonceCacheCapacity { get; set; } = 4096;

    /// <summary>Largest command payload accepted, in bytes.</summary>
    public int MaximumCommandPayloadBytes { get; set; } = 2048;

    /// <summary>Commands waiting for their handler, at most; beyond it commands are answered "busy".</summary>
    public int CommandQueueCapacity { get; set; } = 1024;

    /// <summary>Technicians allowed to send commands, each with their own HMAC-SHA-256 key.</summary>
    public IList<TechnicianKey> Technicians { get; } = [];

    /// <summary>Whether <paramref name="unitId"/> can be used in a topic.</summary>
    public static bool IsValidUnitId(string? unitId) =>
        !string.IsNullOrEmpty(unitId) && unitId.Length <= 64 && unitId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsValidUnitId(UnitId))
        {
            problems.Add($"{nameof(UnitId)} '{UnitId}' must be 1–64 letters, digits, '-' or '_'");
        }

        if (string.IsNullOrWhiteSpace(BrokerHost))
        {
            problems.Add($"{nameof(BrokerHost)} must not be empty");
        }

        if (BrokerPort is < 1 or > 65535)
        {
            problems.Add($"{nameof(BrokerPort)} {BrokerPort} must be 1–65535");
        }

        if (KeepAliveSeconds is < 5 or > 3600)
        {
            problems.Add($"{nameof(KeepAliveSeconds)} {KeepAliveSeconds} must be 5–3600");
        }

        if (Password is not null && Username is null)
        {
            problems.Add($"{nameof(Password)} needs {nameof(Username)}");
        }

        if ((TlsCertificateFile is null) != (TlsKeyFile is null))
        {
            problems.Add($"{nameof(TlsCertificateFile)} and {nameof(TlsKeyFile)} must be set together");
        }

        if (TlsCertificateFile is not null && TlsCaFile is null)
        {
            problems.Add($"{nameof(TlsCertificateFile)} needs {nameof(TlsCaFile)}");
        }

        if (ReconnectDelayMinimum < TimeSpan.FromSeconds(1) || ReconnectDelayMaximum < ReconnectDelayMinimum)
        {
            problems.Add($"{nameof(ReconnectDelayMinimum)} must be at least 1 s and not above {nameof(ReconnectDelayMaximum)}");
        }

        if (HealthInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{nameof(HealthInterval)} must be at least 1 s");
        }

        if (EventQueueCapacity is < 16 or > 1_000_000)
        {
            problems.Add($"{nameof(EventQueueCapacity)} {EventQueueCapacity} must be 16–1,000,000");
        }

        if (MaximumInflightMessages is < 1 or > 10_000)
        {
            problems.Add($"{nameof(MaximumInflightMessages)} {MaximumInflightMessages} must be 1–10,000");
        }

        if (BackgroundThreadNice is < 0 or > 19)
        {
            problems.Add($"{nameof(BackgroundThreadNice)} {BackgroundThreadNice} must be 0–19");
        }

        if (EventBatchInterval < TimeSpan.Zero || EventBatchInterval > TimeSpan.FromSeconds(1))
        {
            problems.Add($"{nameof(EventBatchInterval)} must be 0–1 s");
        }

        if (CommandTimestampWindow < TimeSpan.FromSeconds(5) || CommandTimestampWindow > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{nameof(CommandTimestampWindow)} must be 5 s–10 min");
        }

        if (NonceCacheCapacity is < 16 or > 1_000_000)
        {
            problems.Add($"{nameof(NonceCacheCapacity)} {NonceCacheCapacity} must be 16–1,000,000");
        }

        if (MaximumCommandPayloadBytes is < 256 or > 65536)
        {
            problems.Add($"{nameof(MaximumCommandPayloadBytes)} {MaximumCommandPayloadBytes} must be 256–65,536");
        }

        if (CommandQueueCapacity is < 1 or > 100_000)
        {
            problems.Add($"{nameof(CommandQueueCapacity)} {CommandQueueCapacity} must be 1–100,000");
        }

        if (string.IsNullOrWhiteSpace(HomeAssistantPrefix) || HomeAssistantPrefix.Contains('+', StringComparison.Ordinal) || HomeAssistantPrefix.Contains('#', StringComparison.Ordinal))
        {
            problems.Add($"{nameof(HomeAssistantPrefix)} '{HomeAssistantPrefix}' must be a topic without wildcards");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var technician in Technicians)
        {
            problems.AddRange(technician.Validate());
            if (!seen.Add(technician.TechnicianId))
            {
                problems.Add($"{nameof(Technicians)}: technician '{technician.TechnicianId}' is listed twice");
            }
        }

        return problems;
    }
}
