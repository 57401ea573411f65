using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Core.Privacy;
using GateController.Core.Residents;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Service.Admin;

/// <summary>
/// The privacy side of the admin API: store counts and the face-template scale warning in <c>status</c>, consents
/// flagged for renewal, face enrollment eligibility (minors, notice in force), the impact-assessment facts
/// (<c>report.pia</c>), the processing records (<c>report.processing</c>) and <c>events</c> read forward from a cursor.
/// </summary>
internal sealed partial class AdminCommandHandler
{
    private const int AuditPage = 1000;

    /// <summary>The period report.pia counts issued visitor codes over unless "since" says otherwise.</summary>
    private static readonly TimeSpan DefaultVisitorCodePeriod = TimeSpan.FromDays(30);

    /// <summary>Counts, the face-template scale (the same evaluation the health document uses) and consents needing renewal.</summary>
    private void AddPrivacyStatus(JsonObject status)
    {
        var counts = _store.CountContents();
        var scale = FaceTemplateScale.Evaluate(counts.FaceTemplates);
        var warnings = new JsonArray();
        if (scale.Message is { } message)
        {
            warnings.Add(message);
        }

        status["store"] = new JsonObject
        {
            ["residents"] = counts.Residents,
            ["minorResidents"] = counts.MinorResidents,
            ["cards"] = counts.Cards,
            ["pins"] = counts.Pins,
            ["activeFaceConsents"] = counts.ActiveFaceConsents,
            ["faceTemplates"] = counts.FaceTemplates,
            ["accessEvents"] = counts.AccessEvents,
            ["auditRecords"] = counts.AuditRecords,
        };
        status["faceTemplateScale"] = new JsonObject
        {
            ["level"] = scale.Level.ToString().ToLowerInvariant(),
            ["templates"] = scale.TemplateCount,
            ["warningAt"] = FaceTemplateScale.WarningThreshold,
            ["filingThreshold"] = FaceTemplateScale.FilingThreshold,
            ["message"] = scale.Message,
        };
        if (_consent is { } settings)
        {
            var renewals = ConsentsNeedingRenewal(settings);
            status["consentsNeedingRenewal"] = renewals;
            if (renewals > 0)
            {
                warnings.Add($"{renewals} residents consented to face recognition under an earlier notice than {settings.Catalog.CurrentVersion}; ask them again (gatectl consent show R)");
            }
        }

        status["warnings"] = warnings;
    }

    private int ConsentsNeedingRenewal(AdminConsentSettings settings) => _store.CountResidentsNeedingConsentRenewal(settings.Catalog.Current);

    /// <summary>Adds "renewal" to each consent's JSON: whether it still names the notice in force.</summary>
    private void AddRenewal(JsonArray consents, IReadOnlyList<StoredConsent> stored)
    {
        if (_consent is not { } settings)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var checks = stored.Select(c => ConsentRenewal.Evaluate(AdminJson.ToCore(c), settings.Catalog.Current, now)).ToList();

        // A consent given again under the notice in force settles the earlier ones: nothing is left to renew.
        var renewed = checks.Any(c => c.Reason == ConsentRenewalReason.Current);
        for (var i = 0; i < checks.Count && i < consents.Count; i++)
        {
            var needsRenewal = checks[i].NeedsRenewal && !renewed;
            consents[i]!["needsRenewal"] = needsRenewal;
            consents[i]!["renewal"] = needsRenewal ? checks[i].Message : null;
        }
    }

    /// <summary>
    /// Refuses face enrollment unless the resident lives here and holds an active face consent under the notice in
    /// force, given by a guardian for a minor (P2, CAC 2025 measures art. 7). The refusal is audited.
    /// </summary>
    private void RequireFaceEligible(Resident resident, string operatorName)
    {
        IReadOnlyCollection<ConsentNotice> notices = _consent?.Catalog.Current ?? [];
        var consents = _store.ListConsents(resident.Id).Select(AdminJson.ToCore).ToList();
        string? error;
        if (notices.Count > 0)
        {
            error = FaceEnrollmentEligibility.Check(resident, consents, notices, _time.GetUtcNow()).Error;
        }
        else
        {
            // Without configured notices the store still refuses a template without an active consent (P2); a minor's
            // consent must in any case record the guardian.
            error = resident.IsMinor && !consents.Any(c => c.WithdrawnAt is null && !string.IsNullOrWhiteSpace(c.Guardian))
                ? $"resident {resident.Id} is a minor; the face consent must be given by a guardian and record the guardian"
                : null;
        }

        if (error is not null)
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, resident.Id, $"refused face.enroll: {error}");
            throw new AdminCommandException(error);
        }
    }

    private JsonObject ReportPia(AdminArguments args, string operatorName)
    {
        var now = _time.GetUtcNow();
        var since = args.OptionalTime("since") ?? now - DefaultVisitorCodePeriod;
        if (since > now)
        {
            throw new AdminCommandException($"argument \"since\" ({since:O}) is in the future");
        }

        if (_privacy is null)
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, "refused report.pia: no door and network configuration");
            throw new AdminCommandException("report.pia: this service was started without the door and network configuration the report draws on");
        }

        var retention = _store.Retention;
        var visitorCodes = _store.CountVisitorCodes(now, since);
        var inputs = new PrivacyImpactInputs
        {
            UnitId = _privacy.UnitId,
            StoreLocation = _privacy.StoreLocation,
            Doors = [.. _privacy.Doors],
            FaceEnabled = _privacy.FaceEnabled,
            AccessEventRetentionDays = retention.AccessEventDays,
            FaceTemplateUnusedDays = retention.FaceTemplateUnusedDays,
            MqttBrokerHost = _privacy.MqttBrokerHost,
            MqttPublishesResidentIds = _privacy.MqttPublishesResidentIds,
            Roles = OperatorRole.Defaults,
            OperatorsPerRole = _operators.Values.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Encryption = _store.DescribeProtection(),
            Counts = _store.CountContents() with
            {
                ActiveVisitorCodes = visitorCodes.Active,
                VisitorCodesIssued = visitorCodes.Issued,
                VisitorCodesIssuedSince = visitorCodes.IssuedSince,
            },
        };
        var facts = PrivacyImpactFacts.From(inputs, now);
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, "report.pia");
        return new JsonObject { ["facts"] = JsonNode.Parse(PrivacyImpactReport.ToJson(facts)) };
    }

    private JsonObject ReportProcessing(AdminArguments args, string operatorName)
    {
        var since = args.OptionalTime("since");
        var now = _time.GetUtcNow();
        if (since > now)
        {
            throw new AdminCommandException($"argument \"since\" ({since:O}) is in the future");
        }

        var counts = ProcessingRecordCategory.All.ToDictionary(c => c.Name, _ => 0, StringComparer.Ordinal);
        var records = new JsonArray();
        DateTimeOffset? oldest = null;
        for (var from = 1L; ;)
        {
            var batch = _store.ReadAudit(from, AuditPage);
            foreach (var entry in batch)
            {
                oldest ??= entry.Time;
                if (since is not null && entry.Time < since)
                {
                    continue;
                }

                var category = ProcessingRecordCategory.Of(entry.Action);
                counts[category]++;
                var json = AdminJson.AuditEntry(entry);
                json["category"] = category;
                records.Add(json);
            }

            if (batch.Count < AuditPage)
            {
                break;
            }

            from = batch[^1].Sequence + 1;
        }

        var verification = _store.VerifyAudit();
        _store.AppendAudit(
            AuditAction.OperatorAction,
            operatorName,
            null,
            $"report.processing: {records.Count} records{(since is null ? string.Empty : $" since {since.Value.ToString("O", CultureInfo.InvariantCulture)}")}");
        return new JsonObject
        {
            ["generatedAt"] = now,
            ["since"] = since,
            ["until"] = now,
            ["oldestRecord"] = oldest,
            ["keptForYears"] = PrivacyImpactFacts.ProcessingRecordYears,
            ["chain"] = new JsonObject
            {
                ["intact"] = verification.IsIntact,
                ["entriesChecked"] = verification.EntriesChecked,
                ["firstBadSequence"] = verification.FirstBadSequence,
                ["problem"] = verification.Problem,
            },
            ["categories"] = new JsonArray([.. ProcessingRecordCategory.All.Select(c => (JsonNode)new JsonObject
            {
                ["category"] = c.Name,
                ["heading"] = c.Heading,
                ["count"] = counts[c.Name],
            })]),
            ["records"] = records,
        };
    }

    /// <summary>
    /// Access events. Without "after": the newest (at most "limit"), newest first, optionally since a time. With
    /// "after" (a cursor from an earlier reply): the events appended since, oldest first. Every reply carries the
    /// cursor to continue from. A cursor read that returns nothing discloses nothing and is not audited, so
    /// <c>gatectl events --follow</c> does not fill the processing records with empty polls.
    /// </summary>
    private JsonObject Events(AdminArguments args, string operatorName)
    {
        var limit = args.OptionalInt32("limit", 1000, 1, 200_000);
        var after = args.OptionalInt64("after", 0, long.MaxValue);
        if (after is { } cursor)
        {
            var later = _store.ReadAccessEventsAfter(cursor, limit);
            if (later.Count > 0)
            {
                _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"events: {later.Count} after cursor {cursor}");
            }

            return new JsonObject
            {
                ["events"] = new JsonArray([.. later.Select(SequencedEvent)]),
                ["cursor"] = later.Count > 0 ? later[^1].Sequence : cursor,
            };
        }

        var since = args.OptionalTime("since");
        var latest = _store.ReadLatestAccessEvents(limit);
        var newest = latest.Count > 0 ? latest[0].Sequence : _store.LastAccessEventSequence();
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, "events");
        return new JsonObject
        {
            ["events"] = new JsonArray([.. latest.Where(e => since is null || e.Event.Time >= since).Select(SequencedEvent)]),
            ["cursor"] = newest,
        };
    }

    private static JsonNode SequencedEvent(SequencedAccessEvent sequenced)
    {
        var json = AdminJson.AccessEvent(sequenced.Event);
        json["sequence"] = sequenced.Sequence;
        return json;
    }
}
