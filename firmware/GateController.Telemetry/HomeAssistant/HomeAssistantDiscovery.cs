using System.Text.Json;

namespace GateController.Telemetry.HomeAssistant;

/// <summary>
/// Builds the retained discovery messages: lock, door, fire and tamper binary sensors and diagnostic
/// sensors, all read from the unit's health document. No command topics: Home Assistant cannot open the door.
/// </summary>
public static class HomeAssistantDiscovery
{
    /// <summary>The topic Home Assistant announces its own status on.</summary>
    public static string StatusTopic(string prefix) => prefix + "/status";

    /// <summary>(topic, JSON payload) pairs to publish retained.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Build(TelemetryTopics topics, string prefix, string firmwareVersion)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var device = new HomeAssistantDevice { Identifiers = ["gatecontroller-" + topics.UnitId], Name = "Gate " + topics.UnitId, SoftwareVersion = firmwareVersion };
        var messages = new List<KeyValuePair<string, byte[]>>();

        void Add(string component, string objectId, string name, string template, string? deviceClass, string? category = null, string? unit = null)
        {
            var config = new HomeAssistantEntityConfig
            {
                Name = name,
                UniqueId = $"gatecontroller-{topics.UnitId}-{objectId}",
                StateTopic = topics.Health,
                ValueTemplate = template,
                DeviceClass = deviceClass,
                EntityCategory = category,
                UnitOfMeasurement = unit,
                AvailabilityTopic = topics.Status,
                Device = device,
            };
            var topic = $"{prefix}/{component}/gatecontroller-{topics.UnitId}/{objectId}/config";
            messages.Add(new(topic, JsonSerializer.SerializeToUtf8Bytes(config, TelemetryJsonContext.Default.HomeAssistantEntityConfig)));
        }

        Add("binary_sensor", "lock", "Lock", "{{ 'OFF' if value_json.door.locked else 'ON' }}", "lock");
        Add("binary_sensor", "door", "Door", "{{ 'ON' if value_json.door.open else 'OFF' }}", "door");
        Add("binary_sensor", "fire", "Fire alarm", "{{ 'ON' if value_json.door.fireAlarm else 'OFF' }}", "smoke");
        Add("binary_sensor", "tamper", "Tamper", "{{ 'ON' if value_json.door.tamper else 'OFF' }}", "tamper");
        Add("binary_sensor", "degraded", "Degraded", "{{ 'ON' if value_json.degraded | length > 0 else 'OFF' }}", "problem", "diagnostic");
        Add("sensor", "uptime", "Uptime", "{{ value_json.uptimeSeconds }}", "duration", "diagnostic", "s");
        Add("sensor", "cpu-temperature", "CPU temperature", "{{ value_json.cpuTemperatureCelsius }}", "temperature", "diagnostic", "°C");
        Add("sensor", "face-templates", "Face templates", "{{ value_json.store.faceTemplates }}", null, "diagnostic");
        Add("sensor", "dropped-events", "Dropped events", "{{ value_json.telemetry.droppedEvents if value_json.telemetry else 0 }}", null, "diagnostic");
        return messages;
    }
}
