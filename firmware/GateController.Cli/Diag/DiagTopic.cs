using GateController.Telemetry;

namespace GateController.Cli.Diag;

/// <summary>The topics <c>gatectl diag</c> subscribes to and how it reads a topic back.</summary>
internal static class DiagTopic
{
    /// <summary>The three subscriptions for one unit, or for every unit (<c>+</c>) when <paramref name="unitId"/> is null.</summary>
    public static IReadOnlyList<string> Subscriptions(string? unitId)
    {
        var unit = unitId ?? "+";
        return [$"{TelemetryTopics.Root}/{unit}/status", $"{TelemetryTopics.Root}/{unit}/health", $"{TelemetryTopics.Root}/{unit}/events"];
    }

    /// <summary>Reads <c>gatecontroller/&lt;unit&gt;/(status|health|events)</c>; false for any other topic.</summary>
    public static bool TryParse(string topic, out string unitId, out DiagDocumentKind kind)
    {
        unitId = string.Empty;
        kind = default;
        var parts = topic.Split('/');
        if (parts.Length != 3 || parts[0] != TelemetryTopics.Root || !TelemetryOptions.IsValidUnitId(parts[1]))
        {
            return false;
        }

        DiagDocumentKind? found = parts[2] switch
        {
            "status" => DiagDocumentKind.Status,
            "health" => DiagDocumentKind.Health,
            "events" => DiagDocumentKind.Event,
            _ => null,
        };
        if (found is not { } known)
        {
            return false;
        }

        unitId = parts[1];
        kind = known;
        return true;
    }
}
