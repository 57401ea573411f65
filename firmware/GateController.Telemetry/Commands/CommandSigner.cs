using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GateController.Telemetry.Commands;

/// <summary>Computes and checks command signatures (HMAC-SHA-256, lower-case hex).</summary>
public static class CommandSigner
{
    /// <summary>The signature of a command for a unit.</summary>
    public static string Sign(ReadOnlySpan<byte> key, string unitId, string command, string technician, long timestamp, string nonce, string? argument)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(key, unitId, command, technician, timestamp, nonce, argument, mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Checks a hex signature in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> key, string unitId, string command, string technician, long timestamp, string nonce, string? argument, string signatureHex)
    {
        if (signatureHex.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(signatureHex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(key, unitId, command, technician, timestamp, nonce, argument, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static void Compute(ReadOnlySpan<byte> key, string unitId, string command, string technician, long timestamp, string nonce, string? argument, Span<byte> mac)
    {
        var text = string.Join('\n', unitId, command, technician, timestamp.ToString(CultureInfo.InvariantCulture), nonce, argument ?? string.Empty);
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text), mac);
    }
}
