using System.Security.Cryptography;
using System.Text;
using GateController.Core.Consents;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;
using Microsoft.Data.Sqlite;

namespace GateController.Storage;

/// <summary>Consent records (P3) and withdrawal (P4).</summary>
public sealed partial class GateStore
{
    private const string ConsentColumns =
        "id, resident_id, kind, notice_version, notice_sha256, channel, form_number, guardian, operator, given_ms, withdrawn_ms, withdrawal_channel, withdrawal_operator";

    /// <inheritdoc />
    public StoredConsent RecordConsent(ConsentGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentException.ThrowIfNullOrWhiteSpace(grant.NoticeVersion, nameof(grant));
        ArgumentException.ThrowIfNullOrWhiteSpace(grant.NoticeText, nameof(grant));
        if (!Enum.IsDefined(grant.Kind) || !Enum.IsDefined(grant.Channel))
        {
            throw new ArgumentException($"unknown consent kind {grant.Kind} or channel {grant.Channel}", nameof(grant));
        }

        if (grant.Channel == ConsentChannel.Office && string.IsNullOrWhiteSpace(grant.FormNumber))
        {
            throw new ArgumentException("a consent given at the office needs the signed paper form number", nameof(grant));
        }

        var noticeHash = SHA256.HashData(Encoding.UTF8.GetBytes(grant.NoticeText));
        return Run("recording a consent", () =>
        {
            using var transaction = _connection.BeginTransaction();
            var resident = RequireResident(transaction, grant.Resident);
            if (resident.Status == ResidentStatus.MovedOut)
            {
                throw new StoreException(StoreErrorCode.ResidentMovedOut, $"resident {resident.Id} has moved out; no consent can be recorded");
            }

            if (resident.IsMinor && string.IsNullOrWhiteSpace(grant.Guardian))
            {
                throw new StoreException(StoreErrorCode.GuardianRequired, $"resident {resident.Id} is a minor; the consent must name the guardian who gives it");
            }

            var now = NowMilliseconds();
            long consentId;
            using (var insert = Command(transaction, "INSERT INTO consents (resident_id, kind, notice_version, notice_sha256, channel, form_number, guardian, operator, given_ms) VALUES ($resident, $kind, $version, $hash, $channel, $form, $guardian, $operator, $now) RETURNING id"))
            {
                insert.Parameters.AddWithValue("$resident", grant.Resident.Value);
                insert.Parameters.AddWithValue("$kind", (int)grant.Kind);
                insert.Parameters.AddWithValue("$version", grant.NoticeVersion);
                insert.Parameters.AddWithValue("$hash", noticeHash);
                insert.Parameters.AddWithValue("$channel", (int)grant.Channel);
                insert.Parameters.AddWithValue("$form", DbValue(grant.FormNumber));
                insert.Parameters.AddWithValue("$guardian", DbValue(grant.Guardian));
                insert.Parameters.AddWithValue("$operator", DbValue(grant.OperatorId));
                insert.Parameters.AddWithValue("$now", now);
                consentId = (long)insert.ExecuteScalar()!;
            }

            AppendAuditCore(
                transaction,
                AuditAction.ConsentGiven,
                grant.OperatorId,
                grant.Resident,
                $"consent {consentId}: {grant.Kind}, notice {grant.NoticeVersion} sha256 {Convert.ToHexStringLower(noticeHash)}, {grant.Channel}{(grant.FormNumber is null ? string.Empty : $" form {grant.FormNumber}")}{(grant.Guardian is null ? string.Empty : ", by guardian")}");
            transaction.Commit();
            return new StoredConsent(
                consentId,
                grant.Resident,
                grant.Kind,
                grant.NoticeVersion,
                Convert.ToHexStringLower(noticeHash),
                grant.Channel,
                grant.FormNumber,
                grant.Guardian,
                grant.OperatorId,
                FromMilliseconds(now),
                null,
                null,
                null);
        });
    }

    /// <inheritdoc />
    public StoredConsent WithdrawConsent(ResidentId id, ConsentKind kind, ConsentChannel channel, string? operatorId) =>
        Run("withdrawing a consent", () =>
        {
            StoredConsent withdrawn;
            var templates = 0;
            using (var transaction = _connection.BeginTransaction())
            {
                RequireResident(transaction, id);
                var active = ReadConsents(transaction, id).Where(c => c.Kind == kind && c.IsActive).ToList();
                if (active.Count == 0)
                {
                    throw new StoreException(StoreErrorCode.NoActiveConsent, $"resident {id} has no active {kind} consent to withdraw");
                }

                var now = NowMilliseconds();
                using (var update = Command(transaction, "UPDATE consents SET withdrawn_ms = $now, withdrawal_channel = $channel, withdrawal_operator = $operator WHERE resident_id = $resident AND kind = $kind AND withdrawn_ms IS NULL"))
                {
                    update.Parameters.AddWithValue("$now", now);
                    update.Parameters.AddWithValue("$channel", (int)channel);
                    update.Parameters.AddWithValue("$operator", DbValue(operatorId));
                    update.Parameters.AddWithValue("$resident", id.Value);
                    update.Parameters.AddWithValue("$kind", (int)kind);
                    update.ExecuteNonQuery();
                }

                if (kind == ConsentKind.Face)
                {
                    templates = DeleteFaceDataCore(transaction, id);
                }

                var ids = string.Join(",", active.Select(c => c.ConsentId));
                AppendAuditCore(transaction, AuditAction.ConsentWithdrawn, operatorId, id, $"consent {ids}: {kind}, {channel}; face templates deleted: {templates}");
                transaction.Commit();
                withdrawn = active[^1] with
                {
                    WithdrawnAt = FromMilliseconds(now),
                    WithdrawalChannel = channel,
                    WithdrawalOperatorId = operatorId,
                };
            }

            if (templates > 0)
            {
                Checkpoint();
            }

            return withdrawn;
        });

    /// <inheritdoc />
    public bool HasActiveConsent(ResidentId id, ConsentKind kind, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(id.Value))
        {
            return false;
        }

        var atMilliseconds = at.ToUnixTimeMilliseconds();
        return RunLookup("checking a consent", () =>
        {
            using var command = _lookupConnection.CreateCommand();
            command.CommandText = "SELECT 1 FROM consents WHERE resident_id = $resident AND kind = $kind AND given_ms <= $at AND (withdrawn_ms IS NULL OR withdrawn_ms > $at) LIMIT 1";
            command.Parameters.AddWithValue("$resident", id.Value);
            command.Parameters.AddWithValue("$kind", (int)kind);
            command.Parameters.AddWithValue("$at", atMilliseconds);
            return command.ExecuteScalar() is not null;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredConsent> ListConsents(ResidentId id) => Run("listing consents", () =>
    {
        RequireResident(null, id);
        return ReadConsents(null, id);
    });

    private List<StoredConsent> ReadConsents(SqliteTransaction? transaction, ResidentId id)
    {
        using var command = Command(transaction, $"SELECT {ConsentColumns} FROM consents WHERE resident_id = $resident ORDER BY id");
        command.Parameters.AddWithValue("$resident", id.Value);
        using var reader = command.ExecuteReader();
        var consents = new List<StoredConsent>();
        while (reader.Read())
        {
            consents.Add(new StoredConsent(
                reader.GetInt64(0),
                ResidentId.Parse(reader.GetString(1)),
                (ConsentKind)reader.GetInt32(2),
                reader.GetString(3),
                Convert.ToHexStringLower((byte[])reader.GetValue(4)),
                (ConsentChannel)reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                FromMilliseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : FromMilliseconds(reader.GetInt64(10)),
                reader.IsDBNull(11) ? null : (ConsentChannel)reader.GetInt32(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return consents;
    }
}
