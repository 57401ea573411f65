using System.Text.Json.Serialization;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Telemetry.HomeAssistant;

namespace GateController.Telemetry;

/// <summary>Source-generated JSON for everything the unit publishes or reads over MQTT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(HealthDocument))]
[JsonSerializable(typeof(EventDocument))]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(CommandReply))]
[JsonSerializable(typeof(HomeAssistantEntityConfig))]
internal sealed partial class TelemetryJsonContext : JsonSerializerContext
{
}
