using GateController.Core.Residents;
using GateController.Storage.Audit;

namespace GateController.Storage;

/// <summary>
/// Residents' access groups: a group name per resident (null: the door's default policy). The store checks the name's
/// form only; whether the configuration defines the group is checked where the configuration is known (the admin API).
/// </summary>
public sealed partial class GateStore
{
    /// <summary>Longest access group name.</summary>
    public const int MaximumAccessGroupNameLength = 32;

    /// <summary>True when <paramref name="group"/> is 1–32 ASCII letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValidAccessGroupName(string? group) =>
        group is { Length: > 0 and <= MaximumAccessGroupNameLength } && group.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <inheritdoc />
    public void SetAccessGroup(ResidentId id, string? group, string? operatorId)
    {
        if (group is not null && !IsValidAccessGroupName(group))
        {
            throw new ArgumentException($"access group '{group}' must be 1–{MaximumAccessGroupNameLength} letters, digits, '-', '_' or '.'", nameof(group));
        }

        Run("setting a resident's access group", () =>
        {
            using var transaction = _connection.BeginTransaction();
            RequireResident(transaction, id);
            using (var update = Command(transaction, "UPDATE residents SET access_group = $group, updated_ms = $now WHERE id = $id"))
            {
                update.Parameters.AddWithValue("$id", id.Value);
                update.Parameters.AddWithValue("$group", DbValue(group));
                update.Parameters.AddWithValue("$now", NowMilliseconds());
                update.ExecuteNonQuery();
            }

            AppendAuditCore(transaction, AuditAction.ResidentUpdated, operatorId, id, group is null ? "access group removed (door default policy)" : $"access group set to {group}");
            transaction.Commit();
            return 0;
        });
    }

    /// <inheritdoc />
    public bool TryGetResidentWithAccessGroup(ResidentId id, out Resident resident, out string? accessGroup)
    {
        // On the read connection, one query: the access decision asks this for every credential.
        var found = RunLookup("reading a resident and their access group", () =>
        {
            using var command = _lookupConnection.CreateCommand();
            command.CommandText = "SELECT id, name, room, status, is_minor, access_group FROM residents WHERE id = $id";
            command.Parameters.AddWithValue("$id", id.Value ?? string.Empty);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (ReadResidentRow(reader), reader.IsDBNull(5) ? null : reader.GetString(5)) : ((Resident, string?)?)null;
        });
        resident = found?.Item1!;
        accessGroup = found?.Item2;
        return found is not null;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, int> CountResidentsPerAccessGroup() => Run("counting residents per access group", () =>
    {
        using var command = Command(null, "SELECT access_group, COUNT(*) FROM residents WHERE access_group IS NOT NULL GROUP BY access_group ORDER BY access_group");
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    });
}
