using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GateController.Service.Admin;

/// <summary>One admin API reply: <c>{"ok": true, "result": {...}}</c> or <c>{"ok": false, "error": "reason"}</c>.</summary>
internal sealed class AdminResponse
{
    /// <summary>True when the command succeeded.</summary>
    [JsonPropertyName("ok")]
    public bool Ok { get; set; }

    /// <summary>The command's result when it succeeded.</summary>
    [JsonPropertyName("result")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Result { get; set; }

    /// <summary>One line saying why it failed.</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; set; }

    /// <summary>A success reply.</summary>
    public static AdminResponse Success(JsonObject result) => new() { Ok = true, Result = result };

    /// <summary>A failure reply; the reason is folded onto one line.</summary>
    public static AdminResponse Failure(string error) =>
        new() { Ok = false, Error = error.ReplaceLineEndings(" ").Trim() };
}
