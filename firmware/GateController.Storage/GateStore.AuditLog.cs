using System.Buffers.Binary;
using System.Security.Cryptography;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace GateController.Storage;

/// <summary>The hash-chained, append-only audit log (P10).</summary>
public sealed partial class GateStore
{
    /// <inheritdoc />
    public AuditEntry AppendAudit(AuditAction action, string? operatorId, ResidentId? resident, string? detail) =>
        Run("appending an audit entry", () =>
        {
            using var transaction = _connection.BeginTransaction();
            var entry = AppendAuditCore(transaction, action, operatorId, resident, detail);
            transaction.Commit();
            return entry;
        });

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ReadAudit(long fromSequence, int maximumCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maximumCount);
        return Run("reading the audit log", () =>
        {
            using var command = Command(null, "SELECT seq, time_ms, action, operator, resident_id, detail, hash FROM audit_log WHERE seq >= $from ORDER BY seq LIMIT $max");
            command.Parameters.AddWithValue("$from", fromSequence);
            command.Parameters.AddWithValue("$max", maximumCount);
            using var reader = command.ExecuteReader();
            var entries = new List<AuditEntry>();
            while (reader.Read())
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0),
                    FromMilliseconds(reader.GetInt64(1)),
                    Enum.TryParse<AuditAction>(reader.GetString(2), out var action) ? action : AuditAction.OperatorAction,
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : ResidentId.Parse(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    Convert.ToHexStringLower((byte[])reader.GetValue(6))));
            }

            return entries;
        });
    }

    /// <inheritdoc />
    public AuditVerification VerifyAudit() => Run("verifying the audit log", () =>
    {
        using var transaction = _connection.BeginTransaction(deferred: true);
        var (headSequence, headHash, headAuthentic) = ReadAuditHead(transaction);
        using var command = Command(transaction, "SELECT seq, time_ms, action, operator, resident_id, detail, hash FROM audit_log ORDER BY seq");
        using var reader = command.ExecuteReader();
        var previous = new byte[AuditChain.HashBytes];
        long expected = 1;
        long checkedCount = 0;
        while (reader.Read())
        {
            var sequence = reader.GetInt64(0);
            if (sequence != expected)
            {
                return new AuditVerification(false, checkedCount, expected, $"entry {expected} is missing (the next entry is {sequence})");
            }

            var stored = reader.IsDBNull(6) ? [] : (byte[])reader.GetValue(6);
            var computed = AuditChain.Hash(
                previous,
                sequence,
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
            checkedCount++;
            if (!computed.AsSpan().SequenceEqual(stored))
            {
                return new AuditVerification(false, checkedCount, sequence, $"entry {sequence} does not match the chain (altered, replaced or reordered)");
            }

            previous = computed;
            expected++;
        }

        var last = expected - 1;
        if (!headAuthentic)
        {
            return new AuditVerification(false, checkedCount, last + 1, $"the recorded chain head fails authentication (edited without the device key); entries after {last} may have been removed");
        }

        if (last < headSequence)
        {
            return new AuditVerification(false, checkedCount, last + 1, $"entries {last + 1}–{headSequence} are missing from the end of the log");
        }

        if (last > headSequence || !previous.AsSpan().SequenceEqual(headHash))
        {
            return new AuditVerification(false, checkedCount, headSequence + 1 > last ? last : headSequence + 1, "the end of the log does not match the recorded chain head");
        }

        return new AuditVerification(true, checkedCount, null, null);
    });

    private AuditEntry AppendAuditCore(SqliteTransaction transaction, AuditAction action, string? operatorId, ResidentId? resident, string? detail)
    {
        var (headSequence, headHash, _) = ReadAuditHead(transaction);
        var sequence = headSequence + 1;
        var time = NowMilliseconds();
        var actionName = action.ToString();
        var residentText = resident?.Value;
        var hash = AuditChain.Hash(headHash, sequence, time, actionName, operatorId, residentText, detail);
        using (var insert = Command(transaction, "INSERT INTO audit_log (seq, time_ms, action, operator, resident_id, detail, hash) VALUES ($seq, $time, $action, $operator, $resident, $detail, $hash)"))
        {
            insert.Parameters.AddWithValue("$seq", sequence);
            insert.Parameters.AddWithValue("$time", time);
            insert.Parameters.AddWithValue("$action", actionName);
            insert.Parameters.AddWithValue("$operator", DbValue(operatorId));
            insert.Parameters.AddWithValue("$resident", DbValue(residentText));
            insert.Parameters.AddWithValue("$detail", DbValue(detail));
            insert.Parameters.AddWithValue("$hash", hash);
            insert.ExecuteNonQuery();
        }

        var head = new byte[HeadBytes];
        BinaryPrimitives.WriteInt64BigEndian(head, sequence);
        hash.CopyTo(head, 8);
        HMACSHA256.HashData(_auditHeadKey, head.AsSpan(0, 8 + AuditChain.HashBytes), head.AsSpan(8 + AuditChain.HashBytes));
        using (var update = Command(transaction, "INSERT INTO store_meta (name, value) VALUES ('audit_head', $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value"))
        {
            update.Parameters.AddWithValue("$value", head);
            update.ExecuteNonQuery();
        }

        return new AuditEntry(sequence, FromMilliseconds(time), action, operatorId, resident, detail, Convert.ToHexStringLower(hash));
    }

    /// <summary>
    /// Reads the chain head: sequence ‖ hash ‖ HMAC-SHA-256 under a key derived from the device key, so the end
    /// of the log cannot be cut off and the head rewritten by someone holding only the database file.
    /// </summary>
    private (long Sequence, byte[] Hash, bool Authentic) ReadAuditHead(SqliteTransaction transaction)
    {
        using var command = Command(transaction, "SELECT value FROM store_meta WHERE name = 'audit_head'");
        var value = command.ExecuteScalar();
        if (value is null)
        {
            return (0, new byte[AuditChain.HashBytes], true);
        }

        if (value is not byte[] { Length: HeadBytes } head)
        {
            return (0, new byte[AuditChain.HashBytes], false);
        }

        var expected = HMACSHA256.HashData(_auditHeadKey, head.AsSpan(0, 8 + AuditChain.HashBytes));
        var authentic = CryptographicOperations.FixedTimeEquals(expected, head.AsSpan(8 + AuditChain.HashBytes));
        return (BinaryPrimitives.ReadInt64BigEndian(head), head[8..(8 + AuditChain.HashBytes)], authentic);
    }

    private const int HeadBytes = 8 + AuditChain.HashBytes + 32;
}
