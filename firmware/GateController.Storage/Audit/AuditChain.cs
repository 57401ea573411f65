using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GateController.Storage.Audit;

/// <summary>
/// The audit chain's canonical form: hash(n) = SHA-256(hash(n−1) ‖ canonical(entry n)), hash(0) = 32 zero bytes.
/// The canonical form length-prefixes every field (−1 for null), so no two entries encode alike.
/// </summary>
internal static class AuditChain
{
    public const int HashBytes = 32;

    public static byte[] Hash(
        ReadOnlySpan<byte> previousHash,
        long sequence,
        long timeMilliseconds,
        string action,
        string? operatorId,
        string? residentId,
        string? detail)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, timeMilliseconds);
        hash.AppendData(number);
        AppendText(hash, action);
        AppendText(hash, operatorId);
        AppendText(hash, residentId);
        AppendText(hash, detail);
        return hash.GetHashAndReset();
    }

    private static void AppendText(IncrementalHash hash, string? text)
    {
        Span<byte> length = stackalloc byte[4];
        if (text is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
