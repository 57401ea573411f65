using GateController.Core.Credentials;
using GateController.Core.Privacy;
using GateController.Core.Residents;
using GateController.Storage.Records;

namespace GateController.Storage;

/// <summary>Counts, the store's own description of its protection, retention settings and the access event cursor.</summary>
public sealed partial class GateStore : IGateStoreReports
{
    private static readonly PrivacyEncryptionSummary Protection = new(
        "AES-256-GCM under a random 256-bit key per resident, fresh nonce per template, associated data binding resident, template and model; no face image is stored",
        "HMAC-SHA-256 keyed hash of format and UID; the card number itself is not stored",
        "HMAC-SHA-256 keyed lookup hash plus a salted HMAC-SHA-256 verifier; the PIN itself is not stored",
        "names and rooms in the SQLite file (data directory mode 0700, readable by the service only); deleted with the resident, pages overwritten (secure_delete)",
        "per-resident keys wrapped (AES-256-GCM) by a 256-bit device key kept in a separate key file, mode 0600, outside the data directory; deleting face data destroys the resident's key (crypto-shredding)");

    /// <inheritdoc />
    public StoreRetentionSettings Retention => new(
        _options.AccessEventRetentionDays, _options.AccessEventMaximumCount, _options.FaceTemplateUnusedDays, _options.RetentionIntervalHours);

    /// <inheritdoc />
    public PrivacyStoreCounts CountContents() => Run("counting the store's contents", () =>
    {
        using var command = Command(null, """
            SELECT (SELECT COUNT(*) FROM residents),
                   (SELECT COUNT(*) FROM residents WHERE is_minor <> 0),
                   (SELECT COUNT(*) FROM cards),
                   (SELECT COUNT(*) FROM pins),
                   (SELECT COUNT(*) FROM consents WHERE kind = 0 AND withdrawn_ms IS NULL),
                   (SELECT COUNT(*) FROM face_templates),
                   (SELECT COUNT(*) FROM access_events),
                   (SELECT COUNT(*) FROM audit_log)
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new PrivacyStoreCounts(
            reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    });

    /// <inheritdoc />
    public VisitorCodeCounts CountVisitorCodes(DateTimeOffset at, DateTimeOffset issuedSince) => Run("counting visitor codes", () =>
    {
        using var command = Command(null, """
            SELECT (SELECT COUNT(*) FROM visitor_codes WHERE revoked_ms IS NULL AND valid_until_ms > $at AND uses < maximum_uses),
                   (SELECT COUNT(*) FROM audit_log WHERE action = $issued AND time_ms >= $since)
            """);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$issued", nameof(Audit.AuditAction.VisitorCodeIssued));
        command.Parameters.AddWithValue("$since", issuedSince.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        reader.Read();
        return new VisitorCodeCounts(reader.GetInt32(0), reader.GetInt32(1), issuedSince);
    });

    /// <inheritdoc />
    public int CountResidentsNeedingConsentRenewal(IReadOnlyCollection<ConsentNotice> currentNotices)
    {
        ArgumentNullException.ThrowIfNull(currentNotices);
        return Run("counting consents needing renewal", () =>
        {
            using var command = Command(null, string.Empty);
            var current = new List<string>();
            var index = 0;
            foreach (var notice in currentNotices)
            {
                ArgumentNullException.ThrowIfNull(notice, nameof(currentNotices));
                current.Add($"(notice_version = $v{index} AND notice_sha256 = $h{index})");
                command.Parameters.AddWithValue($"$v{index}", notice.Version);
                command.Parameters.AddWithValue($"$h{index}", Convert.FromHexString(notice.Sha256));
                index++;
            }

            // One pass over the active face consents: a resident needs renewal when none of theirs names a current notice.
            var underCurrent = current.Count == 0 ? "0" : string.Join(" OR ", current);
            command.CommandText = $"""
                SELECT COUNT(*) FROM (
                    SELECT resident_id FROM consents
                    WHERE kind = 0 AND withdrawn_ms IS NULL
                    GROUP BY resident_id
                    HAVING MAX(CASE WHEN {underCurrent} THEN 1 ELSE 0 END) = 0)
                """;
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <inheritdoc />
    public PrivacyEncryptionSummary DescribeProtection() => Protection;

    /// <inheritdoc />
    public long LastAccessEventSequence() => Run("reading the access event cursor", () =>
    {
        using var command = Command(null, "SELECT COALESCE(MAX(seq), 0) FROM access_events");
        return (long)command.ExecuteScalar()!;
    });

    /// <inheritdoc />
    public IReadOnlyList<SequencedAccessEvent> ReadLatestAccessEvents(int maximumCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maximumCount);
        return Run("reading the newest access events", () =>
        {
            using var command = Command(null, "SELECT seq, time_ms, door, credential, resident_id, granted, reason FROM access_events ORDER BY seq DESC LIMIT $max");
            command.Parameters.AddWithValue("$max", maximumCount);
            return ReadSequencedEvents(command);
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<SequencedAccessEvent> ReadAccessEventsAfter(long afterSequence, int maximumCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumCount);
        return Run("reading access events after a cursor", () =>
        {
            using var command = Command(null, "SELECT seq, time_ms, door, credential, resident_id, granted, reason FROM access_events WHERE seq > $after ORDER BY seq LIMIT $max");
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$max", maximumCount);
            return ReadSequencedEvents(command);
        });
    }

    private static List<SequencedAccessEvent> ReadSequencedEvents(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var events = new List<SequencedAccessEvent>();
        while (reader.Read())
        {
            events.Add(new SequencedAccessEvent(
                reader.GetInt64(0),
                new AccessEventRecord(
                    FromMilliseconds(reader.GetInt64(1)),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : (CredentialKind)reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : ResidentId.Parse(reader.GetString(4)),
                    reader.GetInt32(5) != 0,
                    reader.GetString(6))));
        }

        return events;
    }
}
