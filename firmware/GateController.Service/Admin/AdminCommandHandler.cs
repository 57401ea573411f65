using System.Text.Json.Nodes;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Privacy;
using GateController.Core.Residents;
using GateController.Service.Face;
using GateController.Service.Simulation;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Service.Admin;

/// <summary>
/// Carries out admin API commands against the store: checks the operator's role (P13) before anything else,
/// audits every call with the operator (changes through the store's own audited methods, reads and refusals
/// through <see cref="IGateStore.AppendAudit"/>), and turns results into JSON.
/// </summary>
internal sealed partial class AdminCommandHandler
{
    private const int MaximumOperatorNameLength = 64;

    private static readonly Dictionary<string, OperatorPermission> Permissions = new(StringComparer.Ordinal)
    {
        ["status"] = OperatorPermission.ViewReports,
        ["resident.add"] = OperatorPermission.ManageCredentials,
        ["resident.list"] = OperatorPermission.ViewReports,
        ["resident.show"] = OperatorPermission.ViewReports,
        ["resident.move-out"] = OperatorPermission.ManageCredentials | OperatorPermission.Delete,
        ["resident.delete"] = OperatorPermission.Delete,
        ["resident.export"] = OperatorPermission.Export,
        ["resident.set-group"] = OperatorPermission.ManageCredentials,
        ["card.add"] = OperatorPermission.ManageCredentials,
        ["card.remove"] = OperatorPermission.ManageCredentials,
        ["pin.set"] = OperatorPermission.ManageCredentials,
        ["visitor.create"] = OperatorPermission.ManageCredentials,
        ["visitor.list"] = OperatorPermission.ManageCredentials,
        ["visitor.revoke"] = OperatorPermission.ManageCredentials,
        ["consent.give"] = OperatorPermission.Enroll,
        ["consent.withdraw"] = OperatorPermission.Enroll,
        ["consent.show"] = OperatorPermission.ViewReports,
        ["import.residents"] = OperatorPermission.ManageCredentials,
        ["events"] = OperatorPermission.ViewReports,
        ["audit.verify"] = OperatorPermission.ViewReports,
        ["audit.export"] = OperatorPermission.Export,
        ["door.release"] = OperatorPermission.ReleaseDoor,
        ["face.enroll"] = OperatorPermission.Enroll,
        ["face.identify"] = OperatorPermission.ViewReports,
        ["face.remove"] = OperatorPermission.Delete,
        ["report.pia"] = OperatorPermission.ViewReports,
        ["report.processing"] = OperatorPermission.ViewReports,
        ["sim.card"] = OperatorPermission.Configure,
        ["sim.keys"] = OperatorPermission.Configure,
        ["sim.face"] = OperatorPermission.Configure,
        ["sim.input"] = OperatorPermission.Configure,
        ["sim.state"] = OperatorPermission.Configure,
        ["technician.add"] = OperatorPermission.ManageTechnicians,
        ["technician.list"] = OperatorPermission.ManageTechnicians,
        ["technician.remove"] = OperatorPermission.ManageTechnicians,
    };

    private readonly IGateStore _store;
    private readonly Dictionary<string, OperatorRole> _operators;
    private readonly AdminConsentSettings? _consent;
    private readonly IManualDoorRelease? _door;
    private readonly TimeProvider _time;
    private readonly FaceRecognition? _face;
    private readonly IServiceStatusSource? _service;

    private readonly PrivacyReportSettings? _privacy;
    private readonly HashSet<string> _accessGroups;

    public AdminCommandHandler(
        IGateStore store, AdminServerOptions options, AdminConsentSettings? consent, IManualDoorRelease? door, TimeProvider time, FaceRecognition? face = null,
        IServiceStatusSource? service = null, ISimulationControl? simulation = null, PrivacyReportSettings? privacy = null)
    {
        _service = service;
        Simulation = simulation;
        _face = face;
        _privacy = privacy;
        _store = store;
        _consent = consent;
        _door = door;
        _time = time;
        _accessGroups = new HashSet<string>(options.AccessGroups, StringComparer.Ordinal);
        _operators = options.Operators.ToDictionary(o => o.Name, o => AdminServerOptions.FindRole(o.Role)!, StringComparer.Ordinal);
    }

    /// <summary>The hands on the simulated board when the service runs with --simulate, otherwise null (for the sim.* commands).</summary>
    internal ISimulationControl? Simulation { get; }

    /// <summary>Runs one request; failures the caller can act on are <see cref="AdminCommandException"/> or <see cref="StoreException"/>.</summary>
    public async Task<JsonObject> HandleAsync(AdminRequest request, CancellationToken cancellationToken)
    {
        var command = request.Command;
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new AdminCommandException("the request names no \"command\"");
        }

        if (!Permissions.TryGetValue(command, out var permission))
        {
            throw new AdminCommandException($"unknown command '{Shorten(command)}'");
        }

        var operatorName = request.Operator;
        if (string.IsNullOrWhiteSpace(operatorName))
        {
            throw new AdminCommandException($"{command} needs an operator (--operator NAME)");
        }

        operatorName = Shorten(operatorName);
        if (!_operators.TryGetValue(operatorName, out var role))
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused {command}: unknown operator");
            throw new AdminCommandException($"operator '{operatorName}' is not configured on this unit");
        }

        var check = OperatorAuthorization.Check(role, permission);
        if (!check.IsAllowed)
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused {command}: {check.Error}");
            throw new AdminCommandException($"operator '{operatorName}' may not run {command}: {check.Error}");
        }

        var args = new AdminArguments(request.Args);
        return command switch
        {
            "status" => Status(operatorName),
            "resident.add" => AddResident(args, operatorName),
            "resident.list" => ListResidents(operatorName),
            "resident.show" => ShowResident(args, operatorName),
            "resident.move-out" => MoveOut(args, operatorName),
            "resident.delete" => DeleteResident(args, operatorName),
            "resident.export" => ExportResident(args, operatorName),
            "resident.set-group" => SetAccessGroup(args, operatorName),
            "card.add" => AddCard(args, operatorName),
            "card.remove" => RemoveCard(args, operatorName),
            "pin.set" => SetPin(args, operatorName),
            "visitor.create" => CreateVisitorCode(args, operatorName),
            "visitor.list" => ListVisitorCodes(args, operatorName),
            "visitor.revoke" => RevokeVisitorCode(args, operatorName),
            "consent.give" => GiveConsent(args, operatorName),
            "consent.withdraw" => WithdrawConsent(args, operatorName),
            "consent.show" => ShowConsent(args, operatorName),
            "import.residents" => ImportResidents(args, operatorName),
            "events" => Events(args, operatorName),
            "audit.verify" => VerifyAudit(operatorName),
            "audit.export" => ExportAudit(args, operatorName),
            "face.enroll" => await EnrollFaceAsync(args, operatorName, cancellationToken).ConfigureAwait(false),
            "face.identify" => IdentifyFace(args, operatorName),
            "face.remove" => RemoveFace(args, operatorName),
            "report.pia" => ReportPia(args, operatorName),
            "report.processing" => ReportProcessing(args, operatorName),
            "door.release" => await ReleaseDoorAsync(args, operatorName, cancellationToken).ConfigureAwait(false),
            "technician.add" => AddTechnician(args, operatorName),
            "technician.list" => ListTechnicians(operatorName),
            "technician.remove" => RemoveTechnician(args, operatorName),
            "sim.card" or "sim.keys" or "sim.face" or "sim.input" or "sim.state" => await SimulateAsync(command, args, operatorName, cancellationToken).ConfigureAwait(false),
            _ => throw new AdminCommandException($"unknown command '{command}'"),
        };
    }

    private static string Shorten(string text) => text.Length > MaximumOperatorNameLength ? text[..MaximumOperatorNameLength] : text;

    private JsonObject Status(string operatorName)
    {
        var residents = _store.ListResidents();
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, "status");
        var status = new JsonObject
        {
            ["residents"] = residents.Count,
            ["activeResidents"] = residents.Count(r => r.Status == ResidentStatus.Active),
            ["accessEvents"] = _store.CountAccessEvents(),
            ["door"] = _door is null ? "no door path in this mode" : "attached",
            ["consentNotice"] = _consent?.Catalog.CurrentVersion,
            ["face"] = FaceStatus(),
        };
        _service?.AddTo(status);
        AddPrivacyStatus(status);
        AddAccessGroupStatus(status);
        return status;
    }

    private JsonObject AddResident(AdminArguments args, string operatorName)
    {
        var id = args.RequiredResident("id");
        var name = args.RequiredString("name");
        var resident = new Resident(id, name, args.OptionalString("room"), ResidentStatus.Active, args.OptionalBoolean("minor"));
        _store.AddResident(resident, operatorName);
        return new JsonObject { ["resident"] = AdminJson.Resident(resident) };
    }

    private JsonObject ListResidents(string operatorName)
    {
        var residents = _store.ListResidents();
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, "resident.list");
        return new JsonObject { ["residents"] = new JsonArray([.. residents.Select(AdminJson.Resident)]) };
    }

    private JsonObject ShowResident(AdminArguments args, string operatorName)
    {
        var resident = RequireResident(args.RequiredResident("id"));
        var consents = _store.ListConsents(resident.Id);
        var templates = _store.ListFaceTemplates(resident.Id);
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, resident.Id, "resident.show");
        var consentJson = new JsonArray([.. consents.Select(AdminJson.Consent)]);
        AddRenewal(consentJson, consents);
        var residentJson = AdminJson.Resident(resident);
        AddAccessGroup(residentJson, resident.Id);
        return new JsonObject
        {
            ["resident"] = residentJson,
            ["consents"] = consentJson,
            ["faceTemplates"] = new JsonArray([.. templates.Select(AdminJson.FaceTemplate)]),
        };
    }

    private JsonObject MoveOut(AdminArguments args, string operatorName)
    {
        var resident = RequireResident(args.RequiredResident("id"));
        var moved = resident with { Status = ResidentStatus.MovedOut };
        _store.UpdateResident(moved, operatorName);
        _face?.DropResident(moved.Id);
        return new JsonObject { ["resident"] = AdminJson.Resident(moved) };
    }

    private JsonObject DeleteResident(AdminArguments args, string operatorName)
    {
        var id = args.RequiredResident("id");
        _store.DeleteResident(id, operatorName);
        _face?.DropResident(id);
        return new JsonObject { ["deleted"] = id.Value };
    }

    private JsonObject ExportResident(AdminArguments args, string operatorName)
    {
        var copy = _store.ExportResident(args.RequiredResident("id"), operatorName);
        var json = AdminJson.Copy(copy);
        json["visitorCodes"] = new JsonArray([.. copy.VisitorCodes.Select(VisitorCodeJson)]);
        return new JsonObject { ["copy"] = json };
    }

    private JsonObject AddCard(AdminArguments args, string operatorName)
    {
        var id = args.RequiredResident("resident");
        var format = ParseFormat(args.OptionalString("format") ?? "wiegand26");
        var uid = ParseUid(args.RequiredString("uid"));
        var card = _store.AddCard(id, format, uid, operatorName);
        return new JsonObject
        {
            ["cardId"] = card.CardId,
            ["resident"] = card.Resident.Value,
            ["format"] = AdminJson.FormatName(card.Format),
            ["addedAt"] = card.AddedAt,
        };
    }

    private JsonObject RemoveCard(AdminArguments args, string operatorName)
    {
        var uid = ParseUid(args.RequiredString("uid"));
        var formatText = args.OptionalString("format");
        var formats = formatText is null ? Enum.GetValues<CardFormat>() : [ParseFormat(formatText)];
        foreach (var format in formats)
        {
            if (_store.RemoveCard(format, uid, operatorName))
            {
                return new JsonObject { ["removed"] = true, ["format"] = AdminJson.FormatName(format) };
            }
        }

        throw new AdminCommandException("no such card is registered on this unit");
    }

    private JsonObject SetPin(AdminArguments args, string operatorName)
    {
        var id = args.RequiredResident("resident");
        _store.SetPin(id, args.RequiredString("pin"), operatorName);
        return new JsonObject { ["resident"] = id.Value, ["pinSet"] = true };
    }

    private JsonObject GiveConsent(AdminArguments args, string operatorName)
    {
        var id = args.RequiredResident("resident");
        var version = args.RequiredString("noticeVersion");
        var form = args.RequiredString("form");
        var settings = _consent ?? throw new AdminCommandException("no consent notices are configured on this unit; add them to the configuration first");
        var language = args.OptionalString("language");
        var notice = settings.Catalog.All
            .Where(n => string.Equals(n.Version, version, StringComparison.Ordinal))
            .OrderBy(n => language is not null && string.Equals(n.Language, language, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        if (notice is null)
        {
            throw new AdminCommandException($"notice version '{version}' is not configured; the notice in force is {settings.Catalog.CurrentVersion}");
        }

        if (!string.Equals(version, settings.Catalog.CurrentVersion, StringComparison.Ordinal))
        {
            throw new AdminCommandException($"notice version '{version}' is not the notice in force ({settings.Catalog.CurrentVersion}); show the resident the current notice");
        }

        var record = _store.RecordConsent(new ConsentGrant(
            id, ConsentKind.Face, notice.Version, notice.Text, ConsentChannel.Office, form, args.OptionalString("guardian"), operatorName));
        return new JsonObject
        {
            ["consent"] = AdminJson.Consent(record),
            ["receiptNumber"] = ConsentReceiptNumber.FromConsentId(record.ConsentId).Value,
        };
    }

    private JsonObject WithdrawConsent(AdminArguments args, string operatorName)
    {
        var id = args.RequiredResident("resident");
        var channel = (args.OptionalString("channel") ?? "office") switch
        {
            "office" => ConsentChannel.Office,
            "gate" => ConsentChannel.Gate,
            var other => throw new AdminCommandException($"channel must be office or gate, not '{other}'"),
        };
        var record = _store.WithdrawConsent(id, ConsentKind.Face, channel, operatorName);
        _face?.DropResident(id);
        return new JsonObject { ["consent"] = AdminJson.Consent(record) };
    }

    private JsonObject ShowConsent(AdminArguments args, string operatorName)
    {
        var resident = RequireResident(args.RequiredResident("resident"));
        var consents = _store.ListConsents(resident.Id);
        var consentJson = new JsonArray([.. consents.Select(AdminJson.Consent)]);
        AddRenewal(consentJson, consents);
        var result = new JsonObject { ["consents"] = consentJson };
        if (args.OptionalBoolean("receipt"))
        {
            var settings = _consent ?? throw new AdminCommandException("no consent notices are configured on this unit; a receipt cannot be printed");
            var identified = consents.Select(c => new IdentifiedConsent(c.ConsentId, AdminJson.ToCore(c))).ToList();
            if (!ConsentReceipt.TryCreate(resident, identified, settings.Catalog.All.ToList(), settings.Receipt, out var receipt, out var error))
            {
                throw new AdminCommandException(error!);
            }

            result["receipt"] = new JsonObject
            {
                ["number"] = receipt!.Number.Value,
                ["text"] = receipt.ToText(),
                ["html"] = receipt.ToHtml(),
            };
        }

        _store.AppendAudit(AuditAction.OperatorAction, operatorName, resident.Id, result.ContainsKey("receipt") ? "consent.show receipt" : "consent.show");
        return result;
    }

    private JsonObject VerifyAudit(string operatorName)
    {
        var verification = _store.VerifyAudit();
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"audit.verify: {(verification.IsIntact ? "intact" : $"broken at {verification.FirstBadSequence}")}");
        return new JsonObject
        {
            ["intact"] = verification.IsIntact,
            ["entriesChecked"] = verification.EntriesChecked,
            ["firstBadSequence"] = verification.FirstBadSequence,
            ["problem"] = verification.Problem,
        };
    }

    private JsonObject ExportAudit(AdminArguments args, string operatorName)
    {
        const int page = 1000;
        var since = args.OptionalTime("since");
        var entries = new JsonArray();
        var from = 1L;
        while (true)
        {
            var batch = _store.ReadAudit(from, page);
            foreach (var entry in batch.Where(e => since is null || e.Time >= since))
            {
                entries.Add(AdminJson.AuditEntry(entry));
            }

            if (batch.Count < page)
            {
                break;
            }

            from = batch[^1].Sequence + 1;
        }

        _store.AppendAudit(AuditAction.Export, operatorName, null, $"audit.export: {entries.Count} entries{(since is null ? string.Empty : $" since {since:O}")}");
        return new JsonObject { ["entries"] = entries };
    }

    private async Task<JsonObject> ReleaseDoorAsync(AdminArguments args, string operatorName, CancellationToken cancellationToken)
    {
        var seconds = args.OptionalInt32("seconds", 5, 1, 60);
        if (_door is null)
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"door.release {seconds} s refused: no door path in this mode");
            throw new AdminCommandException("no door path in this mode: the service runs without a door attached, nothing was released");
        }

        await _door.ReleaseAsync(TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
        _store.AppendAudit(AuditAction.ManualRelease, operatorName, null, $"released for {seconds} s");
        return new JsonObject { ["released"] = true, ["seconds"] = seconds, ["at"] = _time.GetUtcNow() };
    }

    private Resident RequireResident(ResidentId id) =>
        _store.TryGetResident(id, out var resident) ? resident : throw new StoreException(StoreErrorCode.UnknownResident, $"resident {id} is not on this unit");

    internal static CardFormat ParseFormat(string text) => text switch
    {
        "wiegand26" => CardFormat.Wiegand26,
        "wiegand34" => CardFormat.Wiegand34,
        "wiegand37" => CardFormat.Wiegand37,
        "mifare" => CardFormat.Mifare,
        "em4100" => CardFormat.Em4100,
        "raw-wiegand" => CardFormat.RawWiegand,
        _ => throw new AdminCommandException($"card format must be wiegand26, wiegand34, wiegand37, mifare, em4100 or raw-wiegand, not '{text}'"),
    };

    internal static byte[] ParseUid(string hex)
    {
        var compact = hex.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        try
        {
            var bytes = Convert.FromHexString(compact);
            return bytes.Length > 0 ? bytes : throw new AdminCommandException("the card UID is empty");
        }
        catch (FormatException)
        {
            throw new AdminCommandException("the card UID must be hexadecimal digits, an even number of them");
        }
    }
}
