using System.Text.Json.Serialization;

namespace GateController.Service.Configuration;

/// <summary>Source-generated JSON metadata for configuration files (camelCase, comments and trailing commas allowed).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ServiceConfigurationFile))]
internal sealed partial class ConfigurationJsonContext : JsonSerializerContext;
