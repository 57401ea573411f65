using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>Turns the last libc error into an <see cref="IOException"/> that names the device and the errno.</summary>
internal static class Errno
{
    /// <summary>Symbolic names of the errno values a GPIO or SPI device usually returns.</summary>
    internal static string Name(int errno) => errno switch
    {
        1 => "EPERM",
        2 => "ENOENT",
        4 => "EINTR",
        5 => "EIO",
        6 => "ENXIO",
        9 => "EBADF",
        11 => "EAGAIN",
        13 => "EACCES",
        16 => "EBUSY",
        19 => "ENODEV",
        22 => "EINVAL",
        25 => "ENOTTY",
        110 => "ETIMEDOUT",
        _ => "errno",
    };

    /// <summary>An exception for the failed <paramref name="operation"/> on <paramref name="device"/> using the last P/Invoke error.</summary>
    internal static IOException LastError(string operation, string device) => ToException(operation, device, Marshal.GetLastPInvokeError());

    /// <summary>An exception for <paramref name="errno"/>.</summary>
    internal static IOException ToException(string operation, string device, int errno) =>
        new($"{operation} on {device} failed: {Marshal.GetPInvokeErrorMessage(errno)} ({Name(errno)}, errno {errno})", errno);
}
