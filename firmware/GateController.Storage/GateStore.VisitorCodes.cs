using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;
using Microsoft.Data.Sqlite;

namespace GateController.Storage;

/// <summary>
/// Visitor codes: drawn with <see cref="RandomNumberGenerator"/>, stored only as HMAC-SHA-256 under a key derived from
/// the device key (like PINs), with issuer, validity window, maximum uses and uses so far. A use is counted in one
/// conditional update, so a code with uses left opens once per use even when two doors race.
/// </summary>
public sealed partial class GateStore
{
    /// <summary>Most uses one visitor code may have.</summary>
    public const int MaximumVisitorCodeUses = 100;

    /// <summary>Longest validity window of a visitor code.</summary>
    public static readonly TimeSpan MaximumVisitorCodeValidity = TimeSpan.FromDays(31);

    private const int VisitorCodeDrawAttempts = 32;
    private const string VisitorCodeColumns = "id, issuer_id, valid_from_ms, valid_until_ms, maximum_uses, uses, issued_ms, revoked_ms";

    /// <inheritdoc />
    public IssuedVisitorCode IssueVisitorCode(ResidentId issuer, DateTimeOffset validFrom, DateTimeOffset validUntil, int maximumUses, string? operatorId)
    {
        if (string.IsNullOrEmpty(issuer.Value))
        {
            throw new ArgumentException("a visitor code needs the issuing resident", nameof(issuer));
        }

        if (validUntil <= validFrom)
        {
            throw new ArgumentException($"a visitor code's window must end after it starts ({validFrom:O} to {validUntil:O})", nameof(validUntil));
        }

        if (validUntil - validFrom > MaximumVisitorCodeValidity)
        {
            throw new ArgumentException($"a visitor code is valid for at most {MaximumVisitorCodeValidity.TotalDays:0} days", nameof(validUntil));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maximumUses, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumUses, MaximumVisitorCodeUses);
        return Run("issuing a visitor code", () =>
        {
            using var transaction = _connection.BeginTransaction();
            var resident = RequireResident(transaction, issuer);
            if (resident.Status == ResidentStatus.MovedOut)
            {
                throw new StoreException(StoreErrorCode.ResidentMovedOut, $"resident {issuer} has moved out; no visitor code can be issued");
            }

            var now = NowMilliseconds();
            if (validUntil.ToUnixTimeMilliseconds() <= now)
            {
                throw new ArgumentException($"the visitor code's window ends in the past ({validUntil:O})", nameof(validUntil));
            }

            var (code, hash) = DrawVisitorCode(transaction);
            long codeId;
            using (var insert = Command(transaction, "INSERT INTO visitor_codes (code_hash, issuer_id, valid_from_ms, valid_until_ms, maximum_uses, uses, issued_ms) VALUES ($hash, $issuer, $from, $until, $max, 0, $now) RETURNING id"))
            {
                insert.Parameters.AddWithValue("$hash", hash);
                insert.Parameters.AddWithValue("$issuer", issuer.Value);
                insert.Parameters.AddWithValue("$from", validFrom.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$until", validUntil.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$max", maximumUses);
                insert.Parameters.AddWithValue("$now", now);
                codeId = (long)insert.ExecuteScalar()!;
            }

            AppendAuditCore(
                transaction,
                AuditAction.VisitorCodeIssued,
                operatorId,
                issuer,
                string.Create(CultureInfo.InvariantCulture, $"visitor code {codeId}: valid {validFrom:O} to {validUntil:O}, {maximumUses} use(s)"));
            transaction.Commit();
            var record = new VisitorCodeRecord(codeId, issuer, TruncateToMilliseconds(validFrom), TruncateToMilliseconds(validUntil), maximumUses, 0, FromMilliseconds(now), null);
            return new IssuedVisitorCode(record, code);
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<VisitorCodeRecord> ListVisitorCodes(ResidentId? issuer) => Run("listing visitor codes", () =>
    {
        if (issuer is { } id)
        {
            RequireResident(null, id);
        }

        using var command = Command(null, issuer is null
            ? $"SELECT {VisitorCodeColumns} FROM visitor_codes ORDER BY id"
            : $"SELECT {VisitorCodeColumns} FROM visitor_codes WHERE issuer_id = $issuer ORDER BY id");
        if (issuer is { } filter)
        {
            command.Parameters.AddWithValue("$issuer", filter.Value);
        }

        using var reader = command.ExecuteReader();
        var codes = new List<VisitorCodeRecord>();
        while (reader.Read())
        {
            codes.Add(ReadVisitorCode(reader));
        }

        return codes;
    });

    /// <inheritdoc />
    public bool RevokeVisitorCode(long visitorCodeId, string? operatorId) => Run("revoking a visitor code", () =>
    {
        using var transaction = _connection.BeginTransaction();
        using var update = Command(transaction, "UPDATE visitor_codes SET revoked_ms = $now WHERE id = $id AND revoked_ms IS NULL RETURNING issuer_id");
        update.Parameters.AddWithValue("$now", NowMilliseconds());
        update.Parameters.AddWithValue("$id", visitorCodeId);
        if (update.ExecuteScalar() is not string issuer)
        {
            return false;
        }

        AppendAuditCore(transaction, AuditAction.VisitorCodeRevoked, operatorId, ResidentId.Parse(issuer), string.Create(CultureInfo.InvariantCulture, $"visitor code {visitorCodeId}"));
        transaction.Commit();
        return true;
    });

    /// <inheritdoc />
    public bool TryFindVisitorCode(string code, out VisitorCodeRecord record)
    {
        record = null!;
        if (!IsValidVisitorCode(code))
        {
            return false;
        }

        var hash = VisitorCodeHash(code);
        var found = RunLookup("looking up a visitor code", () =>
        {
            using var command = _lookupConnection.CreateCommand();
            command.CommandText = $"SELECT {VisitorCodeColumns} FROM visitor_codes WHERE code_hash = $hash AND revoked_ms IS NULL";
            command.Parameters.AddWithValue("$hash", hash);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadVisitorCode(reader) : null;
        });
        record = found!;
        return found is not null;
    }

    /// <inheritdoc />
    public bool TryConsumeVisitorCode(string code, DateTimeOffset at, out VisitorCodeRecord record)
    {
        record = null!;
        if (!IsValidVisitorCode(code))
        {
            return false;
        }

        var hash = VisitorCodeHash(code);
        var atMilliseconds = at.ToUnixTimeMilliseconds();
        var consumed = Run("counting a visitor code's use", () =>
        {
            using var transaction = _connection.BeginTransaction();
            VisitorCodeRecord? updated;
            using (var update = Command(transaction, $"UPDATE visitor_codes SET uses = uses + 1 WHERE code_hash = $hash AND revoked_ms IS NULL AND uses < maximum_uses AND valid_from_ms <= $at AND valid_until_ms > $at RETURNING {VisitorCodeColumns}"))
            {
                update.Parameters.AddWithValue("$hash", hash);
                update.Parameters.AddWithValue("$at", atMilliseconds);
                using var reader = update.ExecuteReader();
                updated = reader.Read() ? ReadVisitorCode(reader) : null;
            }

            if (updated is null)
            {
                return null;
            }

            AppendAuditCore(
                transaction,
                AuditAction.VisitorCodeUsed,
                null,
                updated.IssuedBy,
                string.Create(CultureInfo.InvariantCulture, $"visitor code {updated.VisitorCodeId}: use {updated.UsesConsumed} of {updated.MaximumUses}"));
            transaction.Commit();
            return updated;
        });
        record = consumed!;
        return consumed is not null;
    }

    /// <summary>
    /// "Is this the hash of an active visitor code?" (not revoked, not expired at <paramref name="now"/>), prepared once
    /// and asked with <paramref name="hash"/> set: a PIN equal to such a code would be found first and let the visitor
    /// in as the resident, so setting or importing such a PIN is refused.
    /// </summary>
    private SqliteCommand ActiveVisitorCodeQuery(SqliteTransaction transaction, long now, out SqliteParameter hash)
    {
        var command = Command(transaction, "SELECT 1 FROM visitor_codes WHERE code_hash = $hash AND revoked_ms IS NULL AND valid_until_ms > $now");
        hash = command.Parameters.Add(new SqliteParameter { ParameterName = "$hash" });
        command.Parameters.AddWithValue("$now", now);
        return command;
    }

    private static bool IsValidVisitorCode(string? code) =>
        code is { Length: >= 6 and <= 8 } && code.All(char.IsAsciiDigit);

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) => FromMilliseconds(value.ToUnixTimeMilliseconds());

    private static VisitorCodeRecord ReadVisitorCode(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        ResidentId.Parse(reader.GetString(1)),
        FromMilliseconds(reader.GetInt64(2)),
        FromMilliseconds(reader.GetInt64(3)),
        reader.GetInt32(4),
        reader.GetInt32(5),
        FromMilliseconds(reader.GetInt64(6)),
        reader.IsDBNull(7) ? null : FromMilliseconds(reader.GetInt64(7)));

    private (string Code, byte[] Hash) DrawVisitorCode(SqliteTransaction transaction)
    {
        var digits = _options.VisitorCodeDigits;
        var bound = (int)Math.Pow(10, digits);
        using var codeExists = Command(transaction, "SELECT 1 FROM visitor_codes WHERE code_hash = $hash");
        var codeParameter = codeExists.Parameters.Add(new SqliteParameter { ParameterName = "$hash" });
        using var pinExists = Command(transaction, "SELECT 1 FROM pins WHERE lookup_hash = $hash");
        var pinParameter = pinExists.Parameters.Add(new SqliteParameter { ParameterName = "$hash" });
        for (var attempt = 0; attempt < VisitorCodeDrawAttempts; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(bound).ToString(new string('0', digits), CultureInfo.InvariantCulture);
            var hash = VisitorCodeHash(code);
            codeParameter.Value = hash;
            pinParameter.Value = PinLookupHash(code);

            // A code equal to a resident's PIN would open as that PIN: draw another.
            if (codeExists.ExecuteScalar() is null && pinExists.ExecuteScalar() is null)
            {
                return (code, hash);
            }
        }

        throw new StoreException(StoreErrorCode.VisitorCodeUnavailable, $"no unused {digits}-digit visitor code was found in {VisitorCodeDrawAttempts} draws; prune expired codes or use more digits");
    }

    private byte[] VisitorCodeHash(string code)
    {
        Span<byte> input = stackalloc byte[8];
        var length = Encoding.ASCII.GetBytes(code, input);
        var hash = HMACSHA256.HashData(_visitorCodeKey, input[..length]);
        CryptographicOperations.ZeroMemory(input);
        return hash;
    }
}
