using System.Security.Cryptography;
using GateController.Storage.Audit;
using GateController.Storage.Crypto;
using GateController.Storage.Records;

namespace GateController.Storage;

/// <summary>
/// Technicians' MQTT command keys: 32 bytes from <see cref="RandomNumberGenerator"/>, sealed with AES-256-GCM under the
/// device key (bound to the technician id), listed without the key, audited without the key.
/// </summary>
public sealed partial class GateStore
{
    /// <summary>Length of a technician's key, in bytes.</summary>
    public const int TechnicianKeyBytes = 32;

    /// <inheritdoc />
    public event EventHandler? TechniciansChanged;

    /// <summary>Whether <paramref name="technicianId"/> is 1–64 letters, digits, '-' or '_'.</summary>
    public static bool IsValidTechnicianId(string? technicianId) =>
        !string.IsNullOrEmpty(technicianId) && technicianId.Length <= 64 && technicianId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <inheritdoc />
    public IssuedTechnicianKey AddTechnician(string technicianId, bool mayReleaseDoor, string? operatorId)
    {
        RequireTechnicianId(technicianId);
        var key = RandomNumberGenerator.GetBytes(TechnicianKeyBytes);
        var issued = Run("adding a technician", () =>
        {
            using var transaction = _connection.BeginTransaction();
            using (var exists = Command(transaction, "SELECT 1 FROM technician_keys WHERE id = $id"))
            {
                exists.Parameters.AddWithValue("$id", technicianId);
                if (exists.ExecuteScalar() is not null)
                {
                    throw new StoreException(StoreErrorCode.DuplicateTechnician, $"technician '{technicianId}' is already registered; remove them first to issue a new key");
                }
            }

            var now = NowMilliseconds();
            using (var insert = Command(transaction, "INSERT INTO technician_keys (id, sealed_key, may_release_door, created_ms) VALUES ($id, $sealed, $release, $now)"))
            {
                insert.Parameters.AddWithValue("$id", technicianId);
                insert.Parameters.AddWithValue("$sealed", Envelope.Seal(_wrapAes, key, Envelope.AssociatedData(KeyLabels.TechnicianKeyData, technicianId)));
                insert.Parameters.AddWithValue("$release", mayReleaseDoor ? 1 : 0);
                insert.Parameters.AddWithValue("$now", now);
                insert.ExecuteNonQuery();
            }

            AppendAuditCore(transaction, AuditAction.ConfigurationChanged, operatorId, null, $"technician {technicianId} added{(mayReleaseDoor ? " with door release" : string.Empty)}");
            transaction.Commit();
            return new IssuedTechnicianKey(new TechnicianRecord(technicianId, mayReleaseDoor, FromMilliseconds(now), null), key);
        });
        TechniciansChanged?.Invoke(this, EventArgs.Empty);
        return issued;
    }

    /// <inheritdoc />
    public IReadOnlyList<TechnicianRecord> ListTechnicians() => Run("listing technicians", () =>
    {
        using var command = Command(null, "SELECT id, may_release_door, created_ms, last_used_ms FROM technician_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var technicians = new List<TechnicianRecord>();
        while (reader.Read())
        {
            technicians.Add(new TechnicianRecord(
                reader.GetString(0),
                reader.GetInt64(1) != 0,
                FromMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : FromMilliseconds(reader.GetInt64(3))));
        }

        return technicians;
    });

    /// <inheritdoc />
    public bool RemoveTechnician(string technicianId, string? operatorId)
    {
        RequireTechnicianId(technicianId);
        var removed = Run("removing a technician", () =>
        {
            using var transaction = _connection.BeginTransaction();
            using var delete = Command(transaction, "DELETE FROM technician_keys WHERE id = $id");
            delete.Parameters.AddWithValue("$id", technicianId);
            if (delete.ExecuteNonQuery() == 0)
            {
                return false;
            }

            AppendAuditCore(transaction, AuditAction.ConfigurationChanged, operatorId, null, $"technician {technicianId} removed");
            transaction.Commit();
            return true;
        });
        if (removed)
        {
            TechniciansChanged?.Invoke(this, EventArgs.Empty);
        }

        return removed;
    }

    /// <inheritdoc />
    public IReadOnlyList<TechnicianSecret> LoadTechnicianKeys() => Run("loading technician keys", () =>
    {
        using var command = Command(null, "SELECT id, sealed_key, may_release_door FROM technician_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var keys = new List<TechnicianSecret>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var key = new byte[TechnicianKeyBytes];
            if (reader.GetValue(1) is not byte[] sealedKey || !Envelope.TryOpen(_wrapAes, sealedKey, key, Envelope.AssociatedData(KeyLabels.TechnicianKeyData, id)))
            {
                throw new StoreException(StoreErrorCode.DecryptionFailed, $"the key of technician '{id}' cannot be opened (altered or sealed under another device key); remove and add the technician again");
            }

            keys.Add(new TechnicianSecret(id, key, reader.GetInt64(2) != 0));
        }

        return keys;
    });

    /// <inheritdoc />
    public void RecordTechnicianUse(string technicianId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(technicianId);
        Run("recording a technician's use", () =>
        {
            using var update = Command(null, "UPDATE technician_keys SET last_used_ms = $at WHERE id = $id");
            update.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$id", technicianId);
            return update.ExecuteNonQuery();
        });
    }

    private static void RequireTechnicianId(string technicianId)
    {
        if (!IsValidTechnicianId(technicianId))
        {
            throw new ArgumentException($"technician id '{technicianId}' must be 1–64 letters, digits, '-' or '_'", nameof(technicianId));
        }
    }
}
