using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;
using Microsoft.Data.Sqlite;

namespace GateController.Storage;

/// <summary>Residents and bulk import.</summary>
public sealed partial class GateStore
{
    /// <inheritdoc />
    public void AddResident(Resident resident, string? operatorId)
    {
        ValidateResident(resident);
        Run("adding a resident", () =>
        {
            using var transaction = _connection.BeginTransaction();
            if (ReadResident(transaction, resident.Id) is not null)
            {
                throw new StoreException(StoreErrorCode.DuplicateResident, $"resident {resident.Id} already exists");
            }

            InsertResident(transaction, resident);
            AppendAuditCore(transaction, AuditAction.ResidentAdded, operatorId, resident.Id, null);
            transaction.Commit();
            return 0;
        });
    }

    /// <inheritdoc />
    public void UpdateResident(Resident resident, string? operatorId)
    {
        ValidateResident(resident);
        var deleted = Run("updating a resident", () =>
        {
            using var transaction = _connection.BeginTransaction();
            var existing = RequireResident(transaction, resident.Id);
            using (var update = Command(transaction, "UPDATE residents SET name = $name, room = $room, status = $status, is_minor = $minor, updated_ms = $now WHERE id = $id"))
            {
                update.Parameters.AddWithValue("$id", resident.Id.Value);
                update.Parameters.AddWithValue("$name", resident.Name);
                update.Parameters.AddWithValue("$room", DbValue(resident.Room));
                update.Parameters.AddWithValue("$status", (int)resident.Status);
                update.Parameters.AddWithValue("$minor", resident.IsMinor ? 1 : 0);
                update.Parameters.AddWithValue("$now", NowMilliseconds());
                update.ExecuteNonQuery();
            }

            var templatesDeleted = 0;
            if (resident.Status == ResidentStatus.MovedOut && existing.Status != ResidentStatus.MovedOut)
            {
                templatesDeleted = DeleteFaceDataCore(transaction, resident.Id);
                AppendAuditCore(transaction, AuditAction.ResidentMovedOut, operatorId, resident.Id, $"face templates deleted: {templatesDeleted}");
            }
            else
            {
                AppendAuditCore(transaction, AuditAction.ResidentUpdated, operatorId, resident.Id, null);
            }

            transaction.Commit();
            if (templatesDeleted > 0)
            {
                Checkpoint();
            }

            return templatesDeleted;
        });
        _ = deleted;
    }

    /// <inheritdoc />
    public bool TryGetResident(ResidentId id, out Resident resident)
    {
        // On the read connection: the access decision asks this for every credential and must not wait behind a write.
        var found = RunLookup("reading a resident", () =>
        {
            using var command = _lookupConnection.CreateCommand();
            command.CommandText = "SELECT id, name, room, status, is_minor FROM residents WHERE id = $id";
            command.Parameters.AddWithValue("$id", id.Value ?? string.Empty);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadResidentRow(reader) : null;
        });
        resident = found!;
        return found is not null;
    }

    /// <inheritdoc />
    public IReadOnlyList<Resident> ListResidents() => Run("listing residents", () =>
    {
        using var command = Command(null, "SELECT id, name, room, status, is_minor FROM residents ORDER BY id");
        using var reader = command.ExecuteReader();
        var residents = new List<Resident>();
        while (reader.Read())
        {
            residents.Add(ReadResidentRow(reader));
        }

        return residents;
    });

    /// <inheritdoc />
    public void DeleteResident(ResidentId id, string? operatorId) => Run("deleting a resident", () =>
    {
        using (var transaction = _connection.BeginTransaction())
        {
            RequireResident(transaction, id);
            var templates = DeleteFaceDataCore(transaction, id);
            using (var delete = Command(transaction, "DELETE FROM residents WHERE id = $id"))
            {
                delete.Parameters.AddWithValue("$id", id.Value);
                delete.ExecuteNonQuery();
            }

            AppendAuditCore(transaction, AuditAction.ResidentDeleted, operatorId, id, $"face templates deleted: {templates}");
            transaction.Commit();
        }

        Checkpoint();
        return 0;
    });

    /// <inheritdoc />
    public int ImportResidents(IReadOnlyList<ResidentImportRow> rows, string? operatorId)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var prepared = PrepareImport(rows);
        return Run("importing residents", () =>
        {
            using var transaction = _connection.BeginTransaction();
            using var residentExists = Command(transaction, "SELECT 1 FROM residents WHERE id = $id");
            var residentExistsId = residentExists.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
            using var insertResident = Command(transaction, "INSERT INTO residents (id, name, room, status, is_minor, created_ms, updated_ms, access_group) VALUES ($id, $name, $room, $status, $minor, $now, $now, $group)");
            var now = NowMilliseconds();
            var residentParameters = AddParameters(insertResident, "$id", "$name", "$room", "$status", "$minor", "$group");
            insertResident.Parameters.AddWithValue("$now", now);
            using var cardExists = Command(transaction, "SELECT 1 FROM cards WHERE uid_hash = $hash");
            var cardExistsHash = cardExists.Parameters.Add(new SqliteParameter { ParameterName = "$hash" });
            using var insertCard = Command(transaction, "INSERT INTO cards (resident_id, uid_hash, format, added_ms) VALUES ($resident, $hash, $format, $now)");
            var cardParameters = AddParameters(insertCard, "$resident", "$hash", "$format");
            insertCard.Parameters.AddWithValue("$now", now);
            using var pinExists = Command(transaction, "SELECT 1 FROM pins WHERE lookup_hash = $hash");
            var pinExistsHash = pinExists.Parameters.Add(new SqliteParameter { ParameterName = "$hash" });
            using var insertPin = Command(transaction, "INSERT INTO pins (resident_id, lookup_hash, salt, verifier, set_ms) VALUES ($resident, $lookup, $salt, $verifier, $now)");
            var pinParameters = AddParameters(insertPin, "$resident", "$lookup", "$salt", "$verifier");
            insertPin.Parameters.AddWithValue("$now", now);
            RefuseVisitorCodePins(transaction, prepared, now);

            for (var index = 0; index < prepared.Count; index++)
            {
                var row = prepared[index];
                var resident = row.Resident;
                var where = $"row {index + 1} (resident {resident.Id})";
                residentExistsId.Value = resident.Id.Value;
                if (residentExists.ExecuteScalar() is not null)
                {
                    throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: resident already exists on the unit");
                }

                residentParameters[0].Value = resident.Id.Value;
                residentParameters[1].Value = resident.Name;
                residentParameters[2].Value = DbValue(resident.Room);
                residentParameters[3].Value = (int)resident.Status;
                residentParameters[4].Value = resident.IsMinor ? 1 : 0;
                residentParameters[5].Value = DbValue(row.AccessGroup);
                insertResident.ExecuteNonQuery();

                for (var card = 0; card < row.CardHashes.Count; card++)
                {
                    cardExistsHash.Value = row.CardHashes[card];
                    if (cardExists.ExecuteScalar() is not null)
                    {
                        throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: card {card + 1} is already registered on the unit");
                    }

                    cardParameters[0].Value = resident.Id.Value;
                    cardParameters[1].Value = row.CardHashes[card];
                    cardParameters[2].Value = (int)row.CardFormats[card];
                    insertCard.ExecuteNonQuery();
                }

                if (row.Pin is { } pin)
                {
                    pinExistsHash.Value = pin.LookupHash;
                    if (pinExists.ExecuteScalar() is not null)
                    {
                        throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: PIN already in use on the unit");
                    }

                    pinParameters[0].Value = resident.Id.Value;
                    pinParameters[1].Value = pin.LookupHash;
                    pinParameters[2].Value = pin.Salt;
                    pinParameters[3].Value = pin.Verifier;
                    insertPin.ExecuteNonQuery();
                }
            }

            AppendAuditCore(transaction, AuditAction.Import, operatorId, null, $"residents imported: {prepared.Count}");
            transaction.Commit();
            return prepared.Count;
        });
    }

    private List<PreparedImportRow> PrepareImport(IReadOnlyList<ResidentImportRow> rows)
    {
        var prepared = new List<PreparedImportRow>(rows.Count);
        var ids = new Dictionary<ResidentId, int>();
        var cards = new Dictionary<string, int>(StringComparer.Ordinal);
        var pins = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var line = index + 1;
            if (row?.Resident is null)
            {
                throw new StoreException(StoreErrorCode.InvalidImport, $"row {line}: no resident");
            }

            var where = $"row {line} (resident {row.Resident.Id})";
            if (string.IsNullOrWhiteSpace(row.Resident.Id.Value))
            {
                throw new StoreException(StoreErrorCode.InvalidImport, $"row {line}: resident id is empty");
            }

            if (string.IsNullOrWhiteSpace(row.Resident.Name))
            {
                throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: name is empty");
            }

            if (!ids.TryAdd(row.Resident.Id, line))
            {
                throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: resident id repeats row {ids[row.Resident.Id]}");
            }

            if (row.AccessGroup is not null && !IsValidAccessGroupName(row.AccessGroup))
            {
                throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: access group must be 1–{MaximumAccessGroupNameLength} letters, digits, '-', '_' or '.'");
            }

            var hashes = new List<byte[]>();
            var formats = new List<Core.Credentials.CardFormat>();
            var cardNumber = 0;
            foreach (var card in row.Cards ?? [])
            {
                cardNumber++;
                if (card.Uid.Length is 0 or > MaximumUidBytes)
                {
                    throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: card {cardNumber} has {card.Uid.Length} UID bytes; 1–{MaximumUidBytes} expected");
                }

                var hash = CardHash(card.Format, card.Uid.Span);
                if (!cards.TryAdd(Convert.ToHexString(hash), line))
                {
                    throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: card {cardNumber} repeats a card of row {cards[Convert.ToHexString(hash)]}");
                }

                hashes.Add(hash);
                formats.Add(card.Format);
            }

            PinHashes? pinHashes = null;
            byte[]? visitorHash = null;
            if (row.Pin is not null)
            {
                if (!IsValidPin(row.Pin))
                {
                    throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: PIN must be {MinimumPinDigits}–{MaximumPinDigits} digits");
                }

                pinHashes = HashPin(row.Resident.Id, row.Pin);
                visitorHash = IsValidVisitorCode(row.Pin) ? VisitorCodeHash(row.Pin) : null;
                if (!pins.TryAdd(Convert.ToHexString(pinHashes.LookupHash), line))
                {
                    throw new StoreException(StoreErrorCode.InvalidImport, $"{where}: PIN already in use by row {pins[Convert.ToHexString(pinHashes.LookupHash)]}");
                }
            }

            prepared.Add(new PreparedImportRow(row.Resident, hashes, formats, pinHashes, visitorHash, row.AccessGroup));
        }

        return prepared;
    }

    /// <summary>
    /// Refuses the import when any row's PIN equals an active visitor code (as <see cref="SetPin"/> does): the PIN would
    /// be found first and let the visitor in as that resident. Every such row is named; the PIN is never repeated.
    /// </summary>
    private void RefuseVisitorCodePins(SqliteTransaction transaction, List<PreparedImportRow> prepared, long now)
    {
        using var code = ActiveVisitorCodeQuery(transaction, now, out var hash);
        var refused = new List<string>();
        for (var index = 0; index < prepared.Count; index++)
        {
            if (prepared[index].PinAsVisitorCodeHash is { } visitorHash)
            {
                hash.Value = visitorHash;
                if (code.ExecuteScalar() is not null)
                {
                    refused.Add($"row {index + 1} (resident {prepared[index].Resident.Id}): PIN equals an active visitor code; choose another PIN");
                }
            }
        }

        if (refused.Count > 0)
        {
            throw new StoreException(StoreErrorCode.InvalidImport, string.Join("; ", refused));
        }
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params ReadOnlySpan<string> names)
    {
        var parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = names[i] });
        }

        return parameters;
    }

    private static void ValidateResident(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        if (string.IsNullOrEmpty(resident.Id.Value))
        {
            throw new ArgumentException("resident id must not be empty", nameof(resident));
        }

        if (string.IsNullOrWhiteSpace(resident.Name))
        {
            throw new ArgumentException($"resident {resident.Id}: name must not be empty", nameof(resident));
        }

        if (!Enum.IsDefined(resident.Status))
        {
            throw new ArgumentException($"resident {resident.Id}: unknown status {resident.Status}", nameof(resident));
        }
    }

    private void InsertResident(SqliteTransaction transaction, Resident resident)
    {
        using var insert = Command(transaction, "INSERT INTO residents (id, name, room, status, is_minor, created_ms, updated_ms) VALUES ($id, $name, $room, $status, $minor, $now, $now)");
        insert.Parameters.AddWithValue("$id", resident.Id.Value);
        insert.Parameters.AddWithValue("$name", resident.Name);
        insert.Parameters.AddWithValue("$room", DbValue(resident.Room));
        insert.Parameters.AddWithValue("$status", (int)resident.Status);
        insert.Parameters.AddWithValue("$minor", resident.IsMinor ? 1 : 0);
        insert.Parameters.AddWithValue("$now", NowMilliseconds());
        insert.ExecuteNonQuery();
    }

    private Resident? ReadResident(SqliteTransaction? transaction, ResidentId id)
    {
        using var command = Command(transaction, "SELECT id, name, room, status, is_minor FROM residents WHERE id = $id");
        command.Parameters.AddWithValue("$id", id.Value ?? string.Empty);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadResidentRow(reader) : null;
    }

    private Resident RequireResident(SqliteTransaction? transaction, ResidentId id) =>
        ReadResident(transaction, id) ?? throw new StoreException(StoreErrorCode.UnknownResident, $"unknown resident {id}");

    private static Resident ReadResidentRow(SqliteDataReader reader) => new(
        ResidentId.Parse(reader.GetString(0)),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        (ResidentStatus)reader.GetInt32(3),
        reader.GetInt32(4) != 0);

    private sealed record PreparedImportRow(
        Resident Resident,
        List<byte[]> CardHashes,
        List<Core.Credentials.CardFormat> CardFormats,
        PinHashes? Pin,
        byte[]? PinAsVisitorCodeHash,
        string? AccessGroup);
}
