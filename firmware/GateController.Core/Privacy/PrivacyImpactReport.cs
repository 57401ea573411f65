using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GateController.Core.Privacy;

/// <summary>Renders <see cref="PrivacyImpactFacts"/> as text for people and JSON for tools (<c>gatectl report pia</c>).</summary>
public static class PrivacyImpactReport
{
    /// <summary>One JSON document (camelCase, enums as strings, System.Text.Json source generation).</summary>
    public static string ToJson(PrivacyImpactFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return JsonSerializer.Serialize(facts, PrivacyImpactJsonContext.Default.PrivacyImpactFacts);
    }

    /// <summary>Reads a document <see cref="ToJson"/> wrote.</summary>
    public static PrivacyImpactFacts? FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, PrivacyImpactJsonContext.Default.PrivacyImpactFacts);
    }

    /// <summary>Human-readable text with one heading per part of the assessment.</summary>
    public static string ToText(PrivacyImpactFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        void Heading(string heading)
        {
            text.Append('\n');
            Line(heading);
            Line(new string('-', heading.Length));
        }

        Line($"个人信息保护影响评估事实 / Facts for the personal-information protection impact assessment");
        Line($"unit {facts.UnitId}, drawn {facts.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}");
        Line($"face recognition: {(facts.FaceEnabled ? "in use" : "not in use")}");

        Heading("Doors and methods");
        foreach (var door in facts.Doors)
        {
            Line($"  {door.Door}: {string.Join(", ", door.Methods)}{(door.HasNonFaceMethod ? string.Empty : "  (NO CARD OR PIN)")}");
        }

        Heading("What is collected");
        foreach (var item in facts.Collected)
        {
            Line($"  - {item.Kind}{(item.Sensitive ? " [sensitive]" : string.Empty)}");
            Line($"      purpose: {item.Purpose}");
            Line($"      stored as: {item.StoredAs}");
            Line($"      retention: {item.Retention}");
        }

        Heading("Where it is stored and how it is protected");
        Line($"  store: {facts.StoreLocation}");
        Line($"  face templates: {facts.Encryption.FaceTemplates}");
        Line($"  card identifiers: {facts.Encryption.CardIdentifiers}");
        Line($"  PINs: {facts.Encryption.Pins}");
        Line($"  resident records: {facts.Encryption.ResidentRecords}");
        Line($"  keys: {facts.Encryption.KeyStorage}");

        Heading("Who can reach it");
        foreach (var role in facts.Roles)
        {
            Line($"  {role.Role} ({role.Description}): {(role.Permissions.Count == 0 ? "nothing" : string.Join(", ", role.Permissions))}{(role.CanReachFaceData ? "  [face data and consents]" : string.Empty)}; {role.Operators} operator account(s)");
        }

        Heading("Retention");
        Line($"  access events: {facts.Retention.AccessEventDays} days");
        Line($"  face templates unused: {facts.Retention.FaceTemplateUnusedDays} days");
        Line($"  face templates on withdrawal or move-out: {facts.Retention.FaceTemplatesOnWithdrawal}");
        Line($"  processing records: at least {facts.Retention.ProcessingRecordYears} years");

        Heading("Counts");
        var c = facts.Counts;
        Line($"  residents {c.Residents} (minors {c.MinorResidents}), cards {c.Cards}, PINs {c.Pins}");
        Line($"  active face consents {c.ActiveFaceConsents}, face templates {c.FaceTemplates}");
        Line($"  access events {c.AccessEvents}, audit records {c.AuditRecords}");
        Line(c.VisitorCodesIssuedSince is { } since
            ? $"  visitor codes active {c.ActiveVisitorCodes}, issued since {since.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}: {c.VisitorCodesIssued}"
            : $"  visitor codes active {c.ActiveVisitorCodes}");

        Heading("Network destinations");
        if (facts.NetworkDestinations.Count == 0)
        {
            Line("  none: the unit sends nothing over the network");
        }

        foreach (var destination in facts.NetworkDestinations)
        {
            Line($"  {destination.Protocol} {destination.Host}: {destination.Content}");
        }

        Line("  no cloud service, no vendor server");

        Heading("Findings");
        if (facts.Findings.Count == 0)
        {
            Line("  none");
        }

        foreach (var finding in facts.Findings)
        {
            Line($"  - {finding}");
        }

        return text.ToString();
    }
}
