using System.Text.Json.Nodes;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Service.Admin;

/// <summary>The JSON shapes of the admin API's results. Never a card UID, PIN or template byte.</summary>
internal static class AdminJson
{
    public static JsonObject Resident(Resident resident) => new()
    {
        ["id"] = resident.Id.Value,
        ["name"] = resident.Name,
        ["room"] = resident.Room,
        ["status"] = resident.Status == ResidentStatus.Active ? "active" : "moved-out",
        ["minor"] = resident.IsMinor,
    };

    public static JsonObject Consent(StoredConsent consent) => new()
    {
        ["consentId"] = consent.ConsentId,
        ["resident"] = consent.Resident.Value,
        ["kind"] = consent.Kind.ToString().ToLowerInvariant(),
        ["noticeVersion"] = consent.NoticeVersion,
        ["noticeSha256"] = consent.NoticeSha256Hex,
        ["channel"] = ChannelName(consent.Channel),
        ["form"] = consent.FormNumber,
        ["guardian"] = consent.Guardian,
        ["operator"] = consent.OperatorId,
        ["givenAt"] = consent.GivenAt,
        ["withdrawnAt"] = consent.WithdrawnAt,
        ["withdrawalChannel"] = consent.WithdrawalChannel is { } channel ? ChannelName(channel) : null,
        ["withdrawalOperator"] = consent.WithdrawalOperatorId,
        ["active"] = consent.IsActive,
    };

    public static JsonObject FaceTemplate(FaceTemplateRecord template) => new()
    {
        ["templateId"] = template.TemplateId,
        ["modelId"] = template.ModelId,
        ["consentId"] = template.ConsentId,
        ["createdAt"] = template.CreatedAt,
        ["lastUsedAt"] = template.LastUsedAt,
    };

    public static JsonObject Copy(ResidentCopy copy) => new()
    {
        ["resident"] = Resident(copy.Resident),
        ["cards"] = new JsonArray([.. copy.Cards.Select(c => (JsonNode)new JsonObject { ["format"] = FormatName(c.Format), ["addedAt"] = c.AddedAt })]),
        ["pinSetAt"] = copy.PinSetAt,
        ["consents"] = new JsonArray([.. copy.Consents.Select(Consent)]),
        ["faceTemplates"] = new JsonArray([.. copy.FaceTemplates.Select(FaceTemplate)]),
        ["exportedAt"] = copy.ExportedAt,
    };

    public static JsonObject AccessEvent(AccessEventRecord accessEvent) => new()
    {
        ["time"] = accessEvent.Time,
        ["door"] = accessEvent.DoorId,
        ["credential"] = accessEvent.Credential?.ToString(),
        ["resident"] = accessEvent.Resident?.Value,
        ["granted"] = accessEvent.Granted,
        ["reason"] = accessEvent.Reason,
    };

    public static JsonObject AuditEntry(AuditEntry entry) => new()
    {
        ["sequence"] = entry.Sequence,
        ["time"] = entry.Time,
        ["action"] = entry.Action.ToString(),
        ["operator"] = entry.OperatorId,
        ["resident"] = entry.Resident?.Value,
        ["detail"] = entry.Detail,
        ["hash"] = entry.HashHex,
    };

    public static string FormatName(CardFormat format) => format switch
    {
        CardFormat.Wiegand26 => "wiegand26",
        CardFormat.Wiegand34 => "wiegand34",
        CardFormat.Wiegand37 => "wiegand37",
        CardFormat.Mifare => "mifare",
        CardFormat.Em4100 => "em4100",
        CardFormat.RawWiegand => "raw-wiegand",
        _ => format.ToString(),
    };

    /// <summary>The store's consent as Core's record, for the receipt.</summary>
    public static ConsentRecord ToCore(StoredConsent consent) => new()
    {
        ResidentId = consent.Resident,
        Kind = consent.Kind,
        NoticeVersion = consent.NoticeVersion,
        NoticeSha256 = consent.NoticeSha256Hex,
        Channel = consent.Channel,
        FormNumber = consent.FormNumber,
        Guardian = consent.Guardian,
        Operator = consent.OperatorId ?? "—",
        GivenAt = consent.GivenAt,
        WithdrawnAt = consent.WithdrawnAt,
        WithdrawalChannel = consent.WithdrawalChannel,
    };

    private static string ChannelName(ConsentChannel channel) => channel == ConsentChannel.Office ? "office" : "gate";
}
