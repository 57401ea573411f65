using System.Security.Cryptography;
using System.Text;

namespace GateController.Storage.Keys;

/// <summary>
/// The unit's 256-bit device key. It wraps every resident data key and keys the card and PIN hashes.
/// The bytes are zeroised on <see cref="Dispose"/>.
/// </summary>
public sealed class DeviceKey : IDisposable
{
    /// <summary>Length of the key in bytes (256 bits).</summary>
    public const int LengthBytes = 32;

    private readonly byte[] _key;
    private bool _disposed;

    private DeviceKey(byte[] key) => _key = key;

    /// <summary>Creates a new random device key.</summary>
    public static DeviceKey CreateRandom() => new(RandomNumberGenerator.GetBytes(LengthBytes));

    /// <summary>Copies a device key from bytes; the caller should zeroise its own copy.</summary>
    public static DeviceKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != LengthBytes)
        {
            throw new ArgumentException($"a device key is {LengthBytes} bytes, not {key.Length}", nameof(key));
        }

        return new DeviceKey(key.ToArray());
    }

    /// <summary>Copies the key bytes into <paramref name="destination"/> (for writing the key file).</summary>
    internal void CopyTo(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _key.CopyTo(destination);
    }

    /// <summary>Derives a 256-bit sub-key with HKDF-SHA-256 under a label; the caller zeroises the result.</summary>
    internal byte[] DeriveKey(string label)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, LengthBytes, salt: [], info: Encoding.ASCII.GetBytes(label));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_key);
            _disposed = true;
        }
    }
}
