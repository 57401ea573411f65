using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GateController.Storage.Crypto;

/// <summary>
/// AES-256-GCM sealing: the sealed form is nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes).
/// Every call uses a fresh random nonce.
/// </summary>
internal static class Envelope
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;
    public const int Overhead = NonceBytes + TagBytes;

    public static byte[] Seal(AesGcm aes, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[Overhead + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(
            nonce,
            plaintext,
            sealedBytes.AsSpan(NonceBytes, plaintext.Length),
            sealedBytes.AsSpan(NonceBytes + plaintext.Length, TagBytes),
            associatedData);
        return sealedBytes;
    }

    /// <summary>Opens a sealed value into <paramref name="plaintext"/>; false if authentication fails.</summary>
    public static bool TryOpen(AesGcm aes, ReadOnlySpan<byte> sealedBytes, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length != Overhead + plaintext.Length)
        {
            return false;
        }

        try
        {
            aes.Decrypt(
                sealedBytes[..NonceBytes],
                sealedBytes.Slice(NonceBytes, plaintext.Length),
                sealedBytes.Slice(NonceBytes + plaintext.Length, TagBytes),
                plaintext,
                associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
    }

    /// <summary>Builds associated data from a label and fields, each length-prefixed so no two tuples collide.</summary>
    public static byte[] AssociatedData(string label, params ReadOnlySpan<string> fields)
    {
        var total = 4 + Encoding.UTF8.GetByteCount(label);
        foreach (var field in fields)
        {
            total += 4 + Encoding.UTF8.GetByteCount(field);
        }

        var buffer = new byte[total];
        var offset = Write(buffer, 0, label);
        foreach (var field in fields)
        {
            offset = Write(buffer, offset, field);
        }

        return buffer;
    }

    private static int Write(byte[] buffer, int offset, string text)
    {
        var length = Encoding.UTF8.GetBytes(text, buffer.AsSpan(offset + 4));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset), length);
        return offset + 4 + length;
    }
}
