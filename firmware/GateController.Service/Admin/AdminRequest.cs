using System.Text.Json;
using System.Text.Json.Serialization;

namespace GateController.Service.Admin;

/// <summary>One admin API request: a command, the operator making it, and the command's arguments.</summary>
internal sealed class AdminRequest
{
    /// <summary>The command, for example "resident.add".</summary>
    [JsonPropertyName("command")]
    public string? Command { get; set; }

    /// <summary>The operator's configured name.</summary>
    [JsonPropertyName("operator")]
    public string? Operator { get; set; }

    /// <summary>The command's arguments (an object), or undefined when it takes none.</summary>
    [JsonPropertyName("args")]
    public JsonElement Args { get; set; }
}
