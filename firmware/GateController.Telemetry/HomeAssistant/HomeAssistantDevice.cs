using System.Text.Json.Serialization;

namespace GateController.Telemetry.HomeAssistant;

/// <summary>The gate unit as a Home Assistant device.</summary>
public sealed record HomeAssistantDevice
{
    /// <summary>Identifiers (the unit id).</summary>
    [JsonPropertyName("identifiers")]
    public required IReadOnlyList<string> Identifiers { get; init; }

    /// <summary>Device name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Manufacturer.</summary>
    [JsonPropertyName("manufacturer")]
    public string Manufacturer { get; init; } = "GateController";

    /// <summary>Model.</summary>
    [JsonPropertyName("model")]
    public string Model { get; init; } = "Gate unit";

    /// <summary>Firmware version.</summary>
    [JsonPropertyName("sw_version")]
    public string? SoftwareVersion { get; init; }
}
