using System.Text.Json.Serialization;

namespace GateController.Telemetry.HomeAssistant;

/// <summary>A Home Assistant MQTT discovery configuration for one entity.</summary>
public sealed record HomeAssistantEntityConfig
{
    /// <summary>Entity name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Unique id across Home Assistant.</summary>
    [JsonPropertyName("unique_id")]
    public required string UniqueId { get; init; }

    /// <summary>Topic carrying the state (the unit's health topic).</summary>
    [JsonPropertyName("state_topic")]
    public required string StateTopic { get; init; }

    /// <summary>Template extracting the state from the health document.</summary>
    [JsonPropertyName("value_template")]
    public required string ValueTemplate { get; init; }

    /// <summary>Home Assistant device class.</summary>
    [JsonPropertyName("device_class")]
    public string? DeviceClass { get; init; }

    /// <summary>"diagnostic" for diagnostic sensors.</summary>
    [JsonPropertyName("entity_category")]
    public string? EntityCategory { get; init; }

    /// <summary>Unit of measurement of a sensor.</summary>
    [JsonPropertyName("unit_of_measurement")]
    public string? UnitOfMeasurement { get; init; }

    /// <summary>The unit's status topic.</summary>
    [JsonPropertyName("availability_topic")]
    public required string AvailabilityTopic { get; init; }

    /// <summary>Maps the status payload to online/offline.</summary>
    [JsonPropertyName("availability_template")]
    public string AvailabilityTemplate { get; init; } = "{{ 'online' if value == 'online' else 'offline' }}";

    /// <summary>Device the entity belongs to.</summary>
    [JsonPropertyName("device")]
    public required HomeAssistantDevice Device { get; init; }
}
