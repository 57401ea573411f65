namespace GateController.Telemetry;

/// <summary>The telemetry settings a configuration reload applies without a restart.</summary>
/// <param name="HealthInterval">How often health is published even without a change (at least 1 s).</param>
/// <param name="PublishResidentIds">Whether events carry the resident's pseudonymous id.</param>
/// <param name="HomeAssistantDiscovery">Whether Home Assistant discovery configuration is published.</param>
public sealed record TelemetryLiveSettings(TimeSpan HealthInterval, bool PublishResidentIds, bool HomeAssistantDiscovery);
