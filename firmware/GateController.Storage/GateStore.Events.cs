using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;
using GateController.Storage.Retention;

namespace GateController.Storage;

/// <summary>The access event log, retention (P9) and the resident copy (P11).</summary>
public sealed partial class GateStore
{
    /// <inheritdoc />
    public void AppendAccessEvent(AccessEventRecord accessEvent)
    {
        ValidateEvent(accessEvent);
        Run("appending an access event", () => ExecuteAppendEvent(accessEvent));
    }

    /// <inheritdoc />
    public IReadOnlyList<AccessEventRecord> ReadAccessEvents(int maximumCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maximumCount);
        return Run("reading access events", () =>
        {
            using var command = Command(null, "SELECT time_ms, door, credential, resident_id, granted, reason FROM access_events ORDER BY seq DESC LIMIT $max");
            command.Parameters.AddWithValue("$max", maximumCount);
            using var reader = command.ExecuteReader();
            var events = new List<AccessEventRecord>();
            while (reader.Read())
            {
                events.Add(new AccessEventRecord(
                    FromMilliseconds(reader.GetInt64(0)),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : (CredentialKind)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : ResidentId.Parse(reader.GetString(3)),
                    reader.GetInt32(4) != 0,
                    reader.GetString(5)));
            }

            return events;
        });
    }

    /// <inheritdoc />
    public long CountAccessEvents() => Run("counting access events", () =>
    {
        using var command = Command(null, "SELECT COUNT(*) FROM access_events");
        return (long)command.ExecuteScalar()!;
    });

    /// <inheritdoc />
    public RetentionReport ApplyRetention() => Run("applying retention", () =>
    {
        var now = _time.GetUtcNow();
        var eventCutoff = now.AddDays(-_options.AccessEventRetentionDays).ToUnixTimeMilliseconds();
        var templateCutoff = now.AddDays(-_options.FaceTemplateUnusedDays).ToUnixTimeMilliseconds();
        int eventsDeleted;
        int visitorCodesDeleted;
        var templatesDeleted = 0;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var byAge = Command(transaction, "DELETE FROM access_events WHERE time_ms < $cutoff"))
            {
                byAge.Parameters.AddWithValue("$cutoff", eventCutoff);
                eventsDeleted = byAge.ExecuteNonQuery();
            }

            using (var byCount = Command(transaction, "DELETE FROM access_events WHERE seq <= (SELECT MAX(seq) FROM access_events) - $max"))
            {
                byCount.Parameters.AddWithValue("$max", _options.AccessEventMaximumCount);
                eventsDeleted += byCount.ExecuteNonQuery();
            }

            if (eventsDeleted > 0)
            {
                AppendAuditCore(transaction, AuditAction.AutomaticDeletion, null, null, $"access events deleted: {eventsDeleted} (older than {_options.AccessEventRetentionDays} days or beyond {_options.AccessEventMaximumCount})");
            }

            // Templates unused too long, and any left for a resident who moved out or has no active face consent.
            var expired = new List<(string TemplateId, string Resident, string Reason)>();
            using (var find = Command(transaction, """
                SELECT t.id, t.resident_id,
                       CASE WHEN r.status <> 0 THEN 'resident moved out'
                            WHEN NOT EXISTS (SELECT 1 FROM consents c WHERE c.resident_id = t.resident_id AND c.kind = 0 AND c.withdrawn_ms IS NULL) THEN 'no active face consent'
                            ELSE 'unused for more than ' || $days || ' days' END
                FROM face_templates t JOIN residents r ON r.id = t.resident_id
                WHERE t.last_used_ms < $cutoff OR r.status <> 0
                   OR NOT EXISTS (SELECT 1 FROM consents c WHERE c.resident_id = t.resident_id AND c.kind = 0 AND c.withdrawn_ms IS NULL)
                ORDER BY t.resident_id, t.id
                """))
            {
                find.Parameters.AddWithValue("$cutoff", templateCutoff);
                find.Parameters.AddWithValue("$days", _options.FaceTemplateUnusedDays);
                using var reader = find.ExecuteReader();
                while (reader.Read())
                {
                    expired.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            foreach (var (templateId, resident, reason) in expired)
            {
                using var delete = Command(transaction, "DELETE FROM face_templates WHERE id = $id");
                delete.Parameters.AddWithValue("$id", templateId);
                templatesDeleted += delete.ExecuteNonQuery();
                AppendAuditCore(transaction, AuditAction.AutomaticDeletion, null, ResidentId.Parse(resident), $"face template {templateId} deleted: {reason}");
            }

            // Visitor codes past their window or revoked open nothing any more.
            using (var codes = Command(transaction, "DELETE FROM visitor_codes WHERE valid_until_ms <= $now OR revoked_ms IS NOT NULL"))
            {
                codes.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                visitorCodesDeleted = codes.ExecuteNonQuery();
            }

            if (visitorCodesDeleted > 0)
            {
                AppendAuditCore(transaction, AuditAction.AutomaticDeletion, null, null, $"visitor codes deleted: {visitorCodesDeleted} (expired or revoked)");
            }

            using (var orphanKeys = Command(transaction, "DELETE FROM resident_keys WHERE NOT EXISTS (SELECT 1 FROM face_templates t WHERE t.resident_id = resident_keys.resident_id)"))
            {
                orphanKeys.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        if (eventsDeleted + templatesDeleted + visitorCodesDeleted > 0)
        {
            Checkpoint();
        }

        return new RetentionReport(eventsDeleted, templatesDeleted) { VisitorCodesDeleted = visitorCodesDeleted };
    });

    /// <inheritdoc />
    public ResidentCopy ExportResident(ResidentId id, string? operatorId) => Run("exporting a resident copy", () =>
    {
        using var transaction = _connection.BeginTransaction();
        var resident = RequireResident(transaction, id);
        var cards = new List<CardSummary>();
        using (var command = Command(transaction, "SELECT format, added_ms FROM cards WHERE resident_id = $resident ORDER BY added_ms, id"))
        {
            command.Parameters.AddWithValue("$resident", id.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cards.Add(new CardSummary((CardFormat)reader.GetInt32(0), FromMilliseconds(reader.GetInt64(1))));
            }
        }

        DateTimeOffset? pinSetAt;
        using (var command = Command(transaction, "SELECT set_ms FROM pins WHERE resident_id = $resident"))
        {
            command.Parameters.AddWithValue("$resident", id.Value);
            pinSetAt = command.ExecuteScalar() is long milliseconds ? FromMilliseconds(milliseconds) : null;
        }

        var consents = ReadConsents(transaction, id);
        var templates = ReadTemplateRecords(transaction, id);
        var visitorCodes = new List<VisitorCodeRecord>();
        using (var command = Command(transaction, $"SELECT {VisitorCodeColumns} FROM visitor_codes WHERE issuer_id = $resident ORDER BY id"))
        {
            command.Parameters.AddWithValue("$resident", id.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                visitorCodes.Add(ReadVisitorCode(reader));
            }
        }

        var exported = AppendAuditCore(transaction, AuditAction.Export, operatorId, id, "resident copy");
        transaction.Commit();
        return new ResidentCopy(resident, cards, pinSetAt, consents, templates, exported.Time) { VisitorCodes = visitorCodes };
    });

    /// <summary>Appends many access events in one transaction (tests and benchmarks fill the log with it).</summary>
    internal void AppendAccessEvents(IEnumerable<AccessEventRecord> accessEvents) => Run("appending access events", () =>
    {
        using var transaction = _connection.BeginTransaction();
        _appendEventCommand.Transaction = transaction;
        try
        {
            foreach (var accessEvent in accessEvents)
            {
                ValidateEvent(accessEvent);
                ExecuteAppendEvent(accessEvent);
            }

            transaction.Commit();
        }
        finally
        {
            _appendEventCommand.Transaction = null;
        }

        return 0;
    });

    /// <summary>Binds <paramref name="accessEvent"/> to the prepared append command and runs it (in its transaction, if any).</summary>
    private int ExecuteAppendEvent(AccessEventRecord accessEvent)
    {
        var parameters = _appendEventCommand.Parameters;
        parameters[0].Value = accessEvent.Time.ToUnixTimeMilliseconds();
        parameters[1].Value = accessEvent.DoorId;
        parameters[2].Value = accessEvent.Credential is { } credential ? (int)credential : DBNull.Value;
        parameters[3].Value = DbValue(accessEvent.Resident?.Value);
        parameters[4].Value = accessEvent.Granted ? 1 : 0;
        parameters[5].Value = accessEvent.Reason;
        return _appendEventCommand.ExecuteNonQuery();
    }

    private static void ValidateEvent(AccessEventRecord accessEvent)
    {
        ArgumentNullException.ThrowIfNull(accessEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessEvent.DoorId, nameof(accessEvent));
        ArgumentException.ThrowIfNullOrWhiteSpace(accessEvent.Reason, nameof(accessEvent));
    }
}
