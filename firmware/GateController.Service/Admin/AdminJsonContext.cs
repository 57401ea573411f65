using System.Text.Json.Serialization;

namespace GateController.Service.Admin;

/// <summary>Source-generated JSON metadata for the admin API's request and reply.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(AdminRequest))]
[JsonSerializable(typeof(AdminResponse))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
