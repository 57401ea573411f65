using System.Security.Cryptography;

namespace GateController.Storage.Keys;

/// <summary>
/// The device key file: exactly 32 raw bytes, mode 0600, kept outside the data directory.
/// It is created once (at provisioning) and never overwritten.
/// </summary>
public static class DeviceKeyFile
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates a new random key file with mode 0600 and returns the key; refuses an existing file.</summary>
    /// <exception cref="StoreException">The file exists (<see cref="StoreErrorCode.KeyFileExists"/>).</exception>
    public static DeviceKey Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the device key file needs Unix file modes");
        }

        var key = DeviceKey.CreateRandom();
        var bytes = new byte[DeviceKey.LengthBytes];
        try
        {
            key.CopyTo(bytes);
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using (var stream = new FileStream(path, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            return key;
        }
        catch (IOException ex) when (File.Exists(path))
        {
            key.Dispose();
            throw new StoreException(
                StoreErrorCode.KeyFileExists,
                $"device key file {path} already exists; it is never overwritten (remove it by hand only if the database is to be abandoned)",
                ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Loads the key file, refusing a missing, unreadable or wrong-length file, or one that group or others
    /// may read or write.
    /// </summary>
    /// <exception cref="StoreException">The file is not acceptable; the message names the file and the problem.</exception>
    public static DeviceKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the device key file needs Unix file modes");
        }

        if (Directory.Exists(path))
        {
            throw new StoreException(StoreErrorCode.KeyFileUnreadable, $"device key file {path} is a directory, not a key file");
        }

        if (!File.Exists(path))
        {
            throw new StoreException(
                StoreErrorCode.KeyFileMissing,
                $"device key file {path} is missing; provision the unit with 'gatectl provision' first");
        }

        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreErrorCode.KeyFileUnreadable, $"device key file {path} cannot be examined: {ex.Message}", ex);
        }

        if ((mode & GroupOrOthers) != 0)
        {
            throw new StoreException(
                StoreErrorCode.KeyFilePermissions,
                $"device key file {path} has mode {Convert.ToString((int)mode, 8)}; group and others must have no access (chmod 600)");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreErrorCode.KeyFileUnreadable, $"device key file {path} cannot be read: {ex.Message}", ex);
        }

        try
        {
            if (bytes.Length != DeviceKey.LengthBytes)
            {
                throw new StoreException(
                    StoreErrorCode.KeyFileWrongLength,
                    $"device key file {path} holds {bytes.Length} bytes; a device key is exactly {DeviceKey.LengthBytes} bytes");
            }

            return DeviceKey.FromBytes(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
