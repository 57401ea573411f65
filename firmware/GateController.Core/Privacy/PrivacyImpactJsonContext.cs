using System.Text.Json.Serialization;

namespace GateController.Core.Privacy;

/// <summary>Source-generated JSON for <see cref="PrivacyImpactFacts"/>: camelCase, enums as strings, indented.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(PrivacyImpactFacts))]
internal sealed partial class PrivacyImpactJsonContext : JsonSerializerContext;
