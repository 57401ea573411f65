using GateController.Core.Access;
using GateController.Core.Privacy;

namespace GateController.Service.Admin;

/// <summary>
/// What the impact-assessment report (<c>report.pia</c>) takes from the live configuration rather than the store: the
/// unit, its doors and their methods, whether face recognition is enabled, and the MQTT broker (the only network
/// destination). The store supplies counts, protection and retention itself.
/// </summary>
public sealed class PrivacyReportSettings
{
    /// <summary>The unit's identity, as provisioned (for example "front-gate-1").</summary>
    public string UnitId { get; set; } = string.Empty;

    /// <summary>Where the store lives, in words (for example "SQLite file in /var/lib/gatecontroller on the unit's SD card").</summary>
    public string StoreLocation { get; set; } = string.Empty;

    /// <summary>Every door and the methods its policy enables.</summary>
    public IList<PrivacyImpactDoor> Doors { get; } = [];

    /// <summary>Whether face recognition is enabled in the configuration.</summary>
    public bool FaceEnabled { get; set; }

    /// <summary>The MQTT broker's host (and port), or null when diagnostics are off.</summary>
    public string? MqttBrokerHost { get; set; }

    /// <summary>Whether MQTT access events carry pseudonymous resident ids (false: no identity at all).</summary>
    public bool MqttPublishesResidentIds { get; set; }

    /// <summary>Every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(UnitId))
        {
            problems.Add($"{nameof(UnitId)} must name the unit");
        }

        if (string.IsNullOrWhiteSpace(StoreLocation))
        {
            problems.Add($"{nameof(StoreLocation)} must say where the store lives");
        }

        if (Doors.Count == 0)
        {
            problems.Add($"{nameof(Doors)} must list at least one door");
        }

        foreach (var door in Doors)
        {
            if (door is null || door.Methods == AccessMethods.None)
            {
                problems.Add($"{nameof(Doors)}: door {door?.Door.Value ?? "?"} enables no method");
            }
        }

        if (MqttBrokerHost is not null && string.IsNullOrWhiteSpace(MqttBrokerHost))
        {
            problems.Add($"{nameof(MqttBrokerHost)} must name the broker, or be left out when diagnostics are off");
        }

        return problems;
    }
}
