namespace GateController.Core.Privacy;

/// <summary>What the service supplies to build <see cref="PrivacyImpactFacts"/>: a summary of the live configuration and store.</summary>
public sealed class PrivacyImpactInputs
{
    /// <summary>The unit's identity, for example "north-gate-1".</summary>
    public string UnitId { get; set; } = string.Empty;

    /// <summary>Where the store lives, for example "SQLite file on the unit's SD card (data directory)". No path is required.</summary>
    public string StoreLocation { get; set; } = string.Empty;

    /// <summary>Every door and its enabled methods.</summary>
    public IReadOnlyList<PrivacyImpactDoor> Doors { get; set; } = [];

    /// <summary>Whether the face pipeline is enabled in the configuration.</summary>
    public bool FaceEnabled { get; set; }

    /// <summary>Days access events are kept (rule P9).</summary>
    public int AccessEventRetentionDays { get; set; } = 90;

    /// <summary>Days without a face match after which a resident's templates are deleted (rule P9).</summary>
    public int FaceTemplateUnusedDays { get; set; } = 365;

    /// <summary>The MQTT broker host, or null when diagnostics are off.</summary>
    public string? MqttBrokerHost { get; set; }

    /// <summary>Whether MQTT events carry pseudonymous resident ids (false: no identity at all).</summary>
    public bool MqttPublishesResidentIds { get; set; }

    /// <summary>The operator roles configured.</summary>
    public IReadOnlyList<OperatorRole> Roles { get; set; } = OperatorRole.Defaults;

    /// <summary>How many operator accounts the configuration gives each role, by role name; a role left out has none.</summary>
    public IReadOnlyDictionary<string, int> OperatorsPerRole { get; set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>How the store protects data.</summary>
    public PrivacyEncryptionSummary? Encryption { get; set; }

    /// <summary>What the store holds.</summary>
    public PrivacyStoreCounts? Counts { get; set; }

    /// <summary>Every problem, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(UnitId))
        {
            problems.Add($"{nameof(UnitId)}: must name the unit");
        }

        if (string.IsNullOrWhiteSpace(StoreLocation))
        {
            problems.Add($"{nameof(StoreLocation)}: must say where the store lives");
        }

        if (Doors is null || Doors.Count == 0)
        {
            problems.Add($"{nameof(Doors)}: must list at least one door");
        }

        if (AccessEventRetentionDays <= 0)
        {
            problems.Add($"{nameof(AccessEventRetentionDays)}: {AccessEventRetentionDays} must be positive");
        }

        if (FaceTemplateUnusedDays <= 0)
        {
            problems.Add($"{nameof(FaceTemplateUnusedDays)}: {FaceTemplateUnusedDays} must be positive");
        }

        if (MqttBrokerHost is not null && string.IsNullOrWhiteSpace(MqttBrokerHost))
        {
            problems.Add($"{nameof(MqttBrokerHost)}: must be a host name, or null when diagnostics are off");
        }

        if (Roles is null || Roles.Count == 0)
        {
            problems.Add($"{nameof(Roles)}: must list the operator roles");
        }

        if (OperatorsPerRole is null)
        {
            problems.Add($"{nameof(OperatorsPerRole)}: must not be null (use an empty dictionary)");
        }
        else
        {
            foreach (var (role, count) in OperatorsPerRole)
            {
                if (count < 0)
                {
                    problems.Add($"{nameof(OperatorsPerRole)}: role '{role}' has {count} operators; counts must not be negative");
                }

                if (Roles is not null && !Roles.Any(r => string.Equals(r.Name, role, StringComparison.Ordinal)))
                {
                    problems.Add($"{nameof(OperatorsPerRole)}: role '{role}' is not one of the roles listed");
                }
            }
        }

        if (Encryption is null)
        {
            problems.Add($"{nameof(Encryption)}: must describe how the store protects data");
        }

        if (Counts is null)
        {
            problems.Add($"{nameof(Counts)}: must give the store's counts");
        }
        else if (Counts.Residents < 0 || Counts.MinorResidents < 0 || Counts.Cards < 0 || Counts.Pins < 0 || Counts.ActiveFaceConsents < 0
            || Counts.FaceTemplates < 0 || Counts.AccessEvents < 0 || Counts.AuditRecords < 0 || Counts.ActiveVisitorCodes < 0 || Counts.VisitorCodesIssued < 0)
        {
            problems.Add($"{nameof(Counts)}: counts must not be negative");
        }

        return problems;
    }
}
