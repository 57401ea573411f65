using System.Security.Cryptography;
using System.Text;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Storage;

/// <summary>
/// Cards and PINs, stored only as keyed hashes. Card: HMAC-SHA-256(card key, format ‖ UID), unique.
/// PIN: a unit-wide lookup hash HMAC-SHA-256(PIN lookup key, PIN), unique so PIN-only entry is one indexed
/// query, plus a salted verifier HMAC-SHA-256(PIN verify key, salt ‖ resident ‖ PIN) for card-plus-PIN checks.
/// Both keys are derived from the device key, so the database alone reveals neither UIDs nor PINs.
/// </summary>
public sealed partial class GateStore
{
    /// <summary>Fewest digits in a PIN.</summary>
    public const int MinimumPinDigits = 4;

    /// <summary>Most digits in a PIN.</summary>
    public const int MaximumPinDigits = 12;

    /// <summary>Longest card UID accepted, in bytes.</summary>
    public const int MaximumUidBytes = 64;

    private const int PinSaltBytes = 16;

    /// <inheritdoc />
    public CardRecord AddCard(ResidentId id, CardFormat format, ReadOnlySpan<byte> uid, string? operatorId)
    {
        ValidateUid(uid);
        var hash = CardHash(format, uid);
        return Run("adding a card", () =>
        {
            using var transaction = _connection.BeginTransaction();
            var resident = RequireResident(transaction, id);
            if (resident.Status == ResidentStatus.MovedOut)
            {
                throw new StoreException(StoreErrorCode.ResidentMovedOut, $"resident {id} has moved out; no card can be added");
            }

            using (var exists = Command(transaction, "SELECT resident_id FROM cards WHERE uid_hash = $hash"))
            {
                exists.Parameters.AddWithValue("$hash", hash);
                if (exists.ExecuteScalar() is string owner)
                {
                    throw new StoreException(StoreErrorCode.DuplicateCard, $"this card is already registered (to resident {owner})");
                }
            }

            var now = NowMilliseconds();
            long cardId;
            using (var insert = Command(transaction, "INSERT INTO cards (resident_id, uid_hash, format, added_ms) VALUES ($resident, $hash, $format, $now) RETURNING id"))
            {
                insert.Parameters.AddWithValue("$resident", id.Value);
                insert.Parameters.AddWithValue("$hash", hash);
                insert.Parameters.AddWithValue("$format", (int)format);
                insert.Parameters.AddWithValue("$now", now);
                cardId = (long)insert.ExecuteScalar()!;
            }

            AppendAuditCore(transaction, AuditAction.CardAdded, operatorId, id, $"card {cardId} ({format})");
            transaction.Commit();
            return new CardRecord(cardId, id, format, FromMilliseconds(now));
        });
    }

    /// <inheritdoc />
    public bool RemoveCard(CardFormat format, ReadOnlySpan<byte> uid, string? operatorId)
    {
        ValidateUid(uid);
        var hash = CardHash(format, uid);
        return Run("removing a card", () =>
        {
            using var transaction = _connection.BeginTransaction();
            using var delete = Command(transaction, "DELETE FROM cards WHERE uid_hash = $hash RETURNING id, resident_id");
            delete.Parameters.AddWithValue("$hash", hash);
            long cardId;
            string owner;
            using (var reader = delete.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return false;
                }

                cardId = reader.GetInt64(0);
                owner = reader.GetString(1);
            }

            AppendAuditCore(transaction, AuditAction.CardRemoved, operatorId, ResidentId.Parse(owner), $"card {cardId} ({format})");
            transaction.Commit();
            return true;
        });
    }

    /// <inheritdoc />
    public bool TryFindCard(CardFormat format, ReadOnlySpan<byte> uid, out CardRecord card)
    {
        card = null!;
        if (uid.IsEmpty || uid.Length > MaximumUidBytes)
        {
            return false;
        }

        var hash = CardHash(format, uid);
        var found = RunLookup("looking up a card", () =>
        {
            _findCardCommand.Parameters[0].Value = hash;
            using var reader = _findCardCommand.ExecuteReader();
            return reader.Read()
                ? new CardRecord(reader.GetInt64(0), ResidentId.Parse(reader.GetString(1)), (CardFormat)reader.GetInt32(2), FromMilliseconds(reader.GetInt64(3)))
                : null;
        });
        card = found!;
        return found is not null;
    }

    /// <inheritdoc />
    public void SetPin(ResidentId id, string pin, string? operatorId)
    {
        if (!IsValidPin(pin))
        {
            throw new StoreException(StoreErrorCode.InvalidPin, $"a PIN must be {MinimumPinDigits}–{MaximumPinDigits} digits");
        }

        var hashes = HashPin(id, pin);
        var visitorHash = IsValidVisitorCode(pin) ? VisitorCodeHash(pin) : null;
        Run("setting a PIN", () =>
        {
            using var transaction = _connection.BeginTransaction();
            var resident = RequireResident(transaction, id);
            if (resident.Status == ResidentStatus.MovedOut)
            {
                throw new StoreException(StoreErrorCode.ResidentMovedOut, $"resident {id} has moved out; no PIN can be set");
            }

            using (var exists = Command(transaction, "SELECT resident_id FROM pins WHERE lookup_hash = $hash"))
            {
                exists.Parameters.AddWithValue("$hash", hashes.LookupHash);
                if (exists.ExecuteScalar() is string owner && owner != id.Value)
                {
                    throw new StoreException(StoreErrorCode.PinInUse, "PIN already in use; choose another PIN");
                }
            }

            if (visitorHash is not null)
            {
                // The PIN would be found before the visitor code, letting the visitor in as this resident.
                using var code = ActiveVisitorCodeQuery(transaction, NowMilliseconds(), out var hash);
                hash.Value = visitorHash;
                if (code.ExecuteScalar() is not null)
                {
                    throw new StoreException(StoreErrorCode.PinInUse, "PIN already in use; choose another PIN");
                }
            }

            using (var upsert = Command(transaction, "INSERT INTO pins (resident_id, lookup_hash, salt, verifier, set_ms) VALUES ($resident, $lookup, $salt, $verifier, $now) ON CONFLICT (resident_id) DO UPDATE SET lookup_hash = excluded.lookup_hash, salt = excluded.salt, verifier = excluded.verifier, set_ms = excluded.set_ms"))
            {
                upsert.Parameters.AddWithValue("$resident", id.Value);
                upsert.Parameters.AddWithValue("$lookup", hashes.LookupHash);
                upsert.Parameters.AddWithValue("$salt", hashes.Salt);
                upsert.Parameters.AddWithValue("$verifier", hashes.Verifier);
                upsert.Parameters.AddWithValue("$now", NowMilliseconds());
                upsert.ExecuteNonQuery();
            }

            AppendAuditCore(transaction, AuditAction.PinSet, operatorId, id, null);
            transaction.Commit();
            return 0;
        });
    }

    /// <inheritdoc />
    public bool ClearPin(ResidentId id, string? operatorId) => Run("clearing a PIN", () =>
    {
        using var transaction = _connection.BeginTransaction();
        RequireResident(transaction, id);
        using var delete = Command(transaction, "DELETE FROM pins WHERE resident_id = $resident");
        delete.Parameters.AddWithValue("$resident", id.Value);
        if (delete.ExecuteNonQuery() == 0)
        {
            return false;
        }

        AppendAuditCore(transaction, AuditAction.PinCleared, operatorId, id, null);
        transaction.Commit();
        return true;
    });

    /// <inheritdoc />
    public bool TryFindResidentByPin(string pin, out ResidentId id)
    {
        id = default;
        if (!IsValidPin(pin))
        {
            return false;
        }

        var lookup = PinLookupHash(pin);
        var found = RunLookup("looking up a PIN", () =>
        {
            _findPinCommand.Parameters[0].Value = lookup;
            return _findPinCommand.ExecuteScalar() as string;
        });
        if (found is null)
        {
            return false;
        }

        id = ResidentId.Parse(found);
        return true;
    }

    /// <inheritdoc />
    public bool VerifyPin(ResidentId id, string pin)
    {
        if (!IsValidPin(pin))
        {
            return false;
        }

        return RunLookup("checking a PIN", () =>
        {
            using var command = _lookupConnection.CreateCommand();
            command.CommandText = "SELECT salt, verifier FROM pins WHERE resident_id = $resident";
            command.Parameters.AddWithValue("$resident", id.Value ?? string.Empty);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return false;
            }

            var salt = (byte[])reader.GetValue(0);
            var verifier = (byte[])reader.GetValue(1);
            return CryptographicOperations.FixedTimeEquals(PinVerifier(salt, id, pin), verifier);
        });
    }

    private static void ValidateUid(ReadOnlySpan<byte> uid)
    {
        if (uid.IsEmpty || uid.Length > MaximumUidBytes)
        {
            throw new ArgumentException($"a card UID is 1–{MaximumUidBytes} bytes, not {uid.Length}", nameof(uid));
        }
    }

    private static bool IsValidPin(string? pin) =>
        pin is { Length: >= MinimumPinDigits and <= MaximumPinDigits } && pin.All(char.IsAsciiDigit);

    private byte[] CardHash(CardFormat format, ReadOnlySpan<byte> uid)
    {
        Span<byte> input = stackalloc byte[1 + MaximumUidBytes];
        input[0] = (byte)format;
        uid.CopyTo(input[1..]);
        var hash = HMACSHA256.HashData(_cardKey, input[..(1 + uid.Length)]);
        CryptographicOperations.ZeroMemory(input);
        return hash;
    }

    private byte[] PinLookupHash(string pin)
    {
        Span<byte> input = stackalloc byte[MaximumPinDigits];
        var length = Encoding.ASCII.GetBytes(pin, input);
        var hash = HMACSHA256.HashData(_pinLookupKey, input[..length]);
        CryptographicOperations.ZeroMemory(input);
        return hash;
    }

    private byte[] PinVerifier(ReadOnlySpan<byte> salt, ResidentId id, string pin)
    {
        var input = new byte[salt.Length + 4 + Encoding.UTF8.GetByteCount(id.Value) + pin.Length];
        salt.CopyTo(input);
        var offset = salt.Length;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(offset), Encoding.UTF8.GetByteCount(id.Value));
        offset += 4;
        offset += Encoding.UTF8.GetBytes(id.Value, input.AsSpan(offset));
        Encoding.ASCII.GetBytes(pin, input.AsSpan(offset));
        var verifier = HMACSHA256.HashData(_pinVerifyKey, input);
        CryptographicOperations.ZeroMemory(input);
        return verifier;
    }

    private PinHashes HashPin(ResidentId id, string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(PinSaltBytes);
        return new PinHashes(PinLookupHash(pin), salt, PinVerifier(salt, id, pin));
    }

    private sealed record PinHashes(byte[] LookupHash, byte[] Salt, byte[] Verifier);
}
