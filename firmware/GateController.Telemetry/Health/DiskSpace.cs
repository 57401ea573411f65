using System.Runtime.InteropServices;
using GateController.Telemetry.Health.Interop;

namespace GateController.Telemetry.Health;

/// <summary>Free space of the file system holding a directory, from <c>statvfs(3)</c>.</summary>
public static class DiskSpace
{
    /// <summary>
    /// Bytes an unprivileged process can still write on the file system holding <paramref name="path"/>.
    /// Throws <see cref="IOException"/> naming the path and errno when statvfs fails.
    /// </summary>
    public static unsafe long GetAvailableBytes(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        StatvfsNative buffer;
        if (HealthLibc.Statvfs(path, &buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"statvfs '{path}' failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        }

        var available = (UInt128)buffer.AvailableBlocks * (ulong)buffer.FragmentSize;
        return available > long.MaxValue ? long.MaxValue : (long)available;
    }
}
