using GateController.Core.Access;

namespace GateController.Core.Privacy;

/// <summary>
/// The facts a personal-information protection impact assessment (个人信息保护影响评估, PIPL art. 55/56, rule P12) needs,
/// drawn from the unit's own configuration and store: what is collected, where it is stored, how it is protected,
/// who can reach it, retention, counts and network destinations. Holds no identity. Render with
/// <see cref="PrivacyImpactReport"/>.
/// </summary>
/// <param name="UnitId">The unit.</param>
/// <param name="GeneratedAt">When the facts were drawn.</param>
/// <param name="FaceEnabled">Whether face recognition is enabled and some door uses it.</param>
/// <param name="Doors">Each door's methods.</param>
/// <param name="Collected">Each kind of personal information held.</param>
/// <param name="StoreLocation">Where the store lives.</param>
/// <param name="Encryption">How it is protected.</param>
/// <param name="Roles">Who can reach it.</param>
/// <param name="Retention">Retention settings.</param>
/// <param name="Counts">What the store holds.</param>
/// <param name="FaceTemplateScale">The face-template scale evaluation.</param>
/// <param name="NetworkDestinations">Where data goes over the network: the MQTT broker at most.</param>
/// <param name="Findings">Points the assessment must address, one line each.</param>
public sealed record PrivacyImpactFacts(
    string UnitId,
    DateTimeOffset GeneratedAt,
    bool FaceEnabled,
    IReadOnlyList<DoorMethodsFact> Doors,
    IReadOnlyList<CollectedDataFact> Collected,
    string StoreLocation,
    PrivacyEncryptionSummary Encryption,
    IReadOnlyList<OperatorRoleFact> Roles,
    RetentionFact Retention,
    PrivacyStoreCounts Counts,
    FaceTemplateScale FaceTemplateScale,
    IReadOnlyList<NetworkDestinationFact> NetworkDestinations,
    IReadOnlyList<string> Findings)
{
    /// <summary>Years processing records are kept at least (PIPL art. 56).</summary>
    public const int ProcessingRecordYears = 3;

    private const AccessMethods NonFaceMethods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.CardAndPin | AccessMethods.VisitorCode;

    /// <summary>Draws the facts from <paramref name="inputs"/>; throws <see cref="ArgumentException"/> listing every problem with them.</summary>
    public static PrivacyImpactFacts From(PrivacyImpactInputs inputs, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = inputs.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(inputs));
        }

        var encryption = inputs.Encryption!;
        var counts = inputs.Counts!;
        var methods = inputs.Doors.Aggregate(AccessMethods.None, (all, d) => all | d.Methods);
        var faceUsed = inputs.FaceEnabled && (methods & (AccessMethods.Face | AccessMethods.CardAndFace)) != 0;
        var doors = inputs.Doors
            .Select(d => new DoorMethodsFact(d.Door.Value, MethodNames(d.Methods), (d.Methods & NonFaceMethods) != 0))
            .ToList();
        var roles = inputs.Roles
            .Select(r => new OperatorRoleFact(
                r.Name,
                r.Description,
                Enum.GetValues<OperatorPermission>().Where(p => p != OperatorPermission.None && r.Allows(p)).Select(p => p.ToString()).ToList(),
                (r.Permissions & (OperatorPermission.Enroll | OperatorPermission.Export | OperatorPermission.Delete)) != 0)
            {
                Operators = inputs.OperatorsPerRole.TryGetValue(r.Name, out var operators) ? operators : 0,
            })
            .ToList();
        var retention = new RetentionFact(
            inputs.AccessEventRetentionDays,
            inputs.FaceTemplateUnusedDays,
            "deleted at once (keys destroyed) when consent is withdrawn or the resident moves out",
            ProcessingRecordYears);
        var scale = FaceTemplateScale.Evaluate(counts.FaceTemplates);
        var destinations = new List<NetworkDestinationFact>();
        if (inputs.MqttBrokerHost is { } broker)
        {
            destinations.Add(new NetworkDestinationFact(
                broker,
                "MQTT",
                inputs.MqttPublishesResidentIds
                    ? "status, health and access results with pseudonymous resident ids; no names, card numbers, PINs, images or templates"
                    : "status, health and access results without any identity; no names, card numbers, PINs, images or templates",
                inputs.MqttPublishesResidentIds));
        }

        return new PrivacyImpactFacts(
            inputs.UnitId,
            generatedAt,
            faceUsed,
            doors,
            CollectedData(inputs, methods, faceUsed, encryption, retention),
            inputs.StoreLocation,
            encryption,
            roles,
            retention,
            counts,
            scale,
            destinations,
            FindingsFor(inputs, doors, faceUsed, counts, scale));
    }

    private static List<string> MethodNames(AccessMethods methods) =>
        Enum.GetValues<AccessMethods>().Where(m => m != AccessMethods.None && (methods & m) == m).Select(m => m.ToString()).ToList();

    private static List<CollectedDataFact> CollectedData(PrivacyImpactInputs inputs, AccessMethods methods, bool faceUsed, PrivacyEncryptionSummary encryption, RetentionFact retention)
    {
        var collected = new List<CollectedDataFact>
        {
            new("resident record: pseudonymous id, name, room, minor flag", false, "know whose credentials these are; print receipts and copies", encryption.ResidentRecords, "until the office deletes the resident"),
        };
        if ((methods & (AccessMethods.Card | AccessMethods.CardAndPin | AccessMethods.CardAndFace)) != 0)
        {
            collected.Add(new("card identifiers", false, "open the door by card", encryption.CardIdentifiers, "until the card is removed or the resident deleted"));
        }

        if ((methods & (AccessMethods.Pin | AccessMethods.CardAndPin)) != 0)
        {
            collected.Add(new("PINs", false, "open the door by PIN", encryption.Pins, "until changed or the resident deleted"));
        }

        if ((methods & AccessMethods.VisitorCode) != 0)
        {
            collected.Add(new("visitor codes", false, "let a resident's visitor in", "keyed hash with the issuing resident's id", "until used up or expired"));
        }

        if (faceUsed)
        {
            collected.Add(new(
                "face templates (embeddings) of consenting residents",
                true,
                "open the door by face, only with separate consent (PIPL art. 29)",
                $"{encryption.FaceTemplates}; no face image is stored, camera frames stay in memory and are overwritten",
                $"deleted on withdrawal or move-out, or after {retention.FaceTemplateUnusedDays} days unused"));
        }

        collected.Add(new("consent records: resident id, notice version and hash, form number, guardian, operator, times", inputs.Counts!.MinorResidents > 0, "prove separate consent and its withdrawal (PIPL art. 29, 15)", "in the store, on the unit only", $"kept as processing records for at least {ProcessingRecordYears} years"));
        collected.Add(new("access events: time, door, result, method, pseudonymous resident id", false, "security of the gate; answer residents' questions", "in the store, on the unit only", $"deleted after {retention.AccessEventDays} days"));
        collected.Add(new("audit log: operator, action, resident id, time (hash-chained)", false, "processing records (PIPL art. 54-56)", "append-only hash chain, on the unit only", $"at least {ProcessingRecordYears} years"));
        return collected;
    }

    private static List<string> FindingsFor(PrivacyImpactInputs inputs, List<DoorMethodsFact> doors, bool faceUsed, PrivacyStoreCounts counts, FaceTemplateScale scale)
    {
        var findings = new List<string>();
        foreach (var door in doors.Where(d => !d.HasNonFaceMethod))
        {
            findings.Add($"door {door.Door}: no card, PIN or visitor code opens it; face must never be the only way in (SPC provisions art. 10)");
        }

        if (inputs.FaceEnabled && !faceUsed)
        {
            findings.Add("face recognition is enabled but no door uses it; disable it or assess its purpose");
        }

        if (!faceUsed && counts.FaceTemplates > 0)
        {
            findings.Add($"{counts.FaceTemplates} face templates are stored although no door uses face; delete them (PIPL art. 47)");
        }

        if (faceUsed && counts.FaceTemplates > 0 && counts.ActiveFaceConsents == 0)
        {
            findings.Add($"{counts.FaceTemplates} face templates are stored but no face consent is active; every template needs a consent (rule P2)");
        }

        if (counts.MinorResidents > 0 && faceUsed)
        {
            findings.Add($"{counts.MinorResidents} minors recorded: face enrollment needs a recorded guardian consent; minors' data is sensitive (PIPL art. 28, 31)");
        }

        if (inputs.MqttPublishesResidentIds)
        {
            findings.Add("MQTT events carry pseudonymous resident ids; pseudonymised data is still personal information — consider publishing no identity");
        }

        if (inputs.FaceTemplateUnusedDays > 365)
        {
            findings.Add($"face templates unused for up to {inputs.FaceTemplateUnusedDays} days are kept; justify a period over 365 days (PIPL art. 19)");
        }

        if (inputs.AccessEventRetentionDays > 180)
        {
            findings.Add($"access events are kept {inputs.AccessEventRetentionDays} days; justify a period over 180 days (PIPL art. 19)");
        }

        if (scale.Message is { } message)
        {
            findings.Add(message);
        }

        return findings;
    }
}
