using GateController.Telemetry;

namespace GateController.Service.Configuration;

/// <summary>
/// The <c>Telemetry</c> section: MQTT diagnostics. Off unless <see cref="Enabled"/>; the unit id defaults to the one
/// <c>gatectl provision</c> wrote next to the device key. Technician keys are configured in a separate file the
/// telemetry reads, never here.
/// </summary>
public sealed class TelemetryServiceOptions
{
    /// <summary>Whether the unit publishes health and events over MQTT.</summary>
    public bool Enabled { get; set; }

    /// <summary>The unit's id in topics; empty = the provisioned unit id.</summary>
    public string UnitId { get; set; } = string.Empty;

    /// <summary>The broker's host.</summary>
    public string BrokerHost { get; set; } = "localhost";

    /// <summary>The broker's port.</summary>
    public int BrokerPort { get; set; } = 1883;

    /// <summary>MQTT keepalive.</summary>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>The broker user, if any.</summary>
    public string? Username { get; set; }

    /// <summary>The broker password, if any.</summary>
    public string? Password { get; set; }

    /// <summary>The CA file for TLS, if any.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>The client certificate for TLS, if any.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>The client key for TLS, if any.</summary>
    public string? TlsKeyFile { get; set; }

    /// <summary>The time between health documents.</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The shortest reconnect delay.</summary>
    public TimeSpan ReconnectDelayMinimum { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest reconnect delay.</summary>
    public TimeSpan ReconnectDelayMaximum { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The nice value (0–19) of the threads that publish events and run the MQTT network loop: above the door path's,
    /// so publishing never takes the door path's time.
    /// </summary>
    public int BackgroundThreadNice { get; set; } = 10;

    /// <summary>How long events gather before the publishing thread sends them in one pass (0–1 s).</summary>
    public TimeSpan EventBatchInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Whether events carry the resident's pseudonymous id.</summary>
    public bool PublishResidentIds { get; set; }

    /// <summary>Whether Home Assistant discovery is published.</summary>
    public bool HomeAssistantDiscovery { get; set; }

    /// <summary>The telemetry's settings, with <paramref name="unitId"/> when <see cref="UnitId"/> is empty.</summary>
    public TelemetryOptions ToTelemetryOptions(string unitId, string firmwareVersion) => new()
    {
        UnitId = string.IsNullOrEmpty(UnitId) ? unitId : UnitId,
        FirmwareVersion = firmwareVersion,
        BrokerHost = BrokerHost,
        BrokerPort = BrokerPort,
        KeepAliveSeconds = KeepAliveSeconds,
        Username = Username,
        Password = Password,
        TlsCaFile = TlsCaFile,
        TlsCertificateFile = TlsCertificateFile,
        TlsKeyFile = TlsKeyFile,
        HealthInterval = HealthInterval,
        ReconnectDelayMinimum = ReconnectDelayMinimum,
        ReconnectDelayMaximum = ReconnectDelayMaximum,
        BackgroundThreadNice = BackgroundThreadNice,
        EventBatchInterval = EventBatchInterval,
        PublishResidentIds = PublishResidentIds,
        HomeAssistantDiscovery = HomeAssistantDiscovery,
    };

    /// <summary>Every problem, one message each naming the setting (the unit id is checked once it is known).</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!Enabled)
        {
            return [];
        }

        return [.. ToTelemetryOptions("unit", "0.0.0").Validate().Where(p => !p.StartsWith(nameof(UnitId), StringComparison.Ordinal) || UnitId.Length > 0)];
    }
}
