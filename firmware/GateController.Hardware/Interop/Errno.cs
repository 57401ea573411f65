using System.Globalization;
using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>
/// errno values and the <see cref="IOException"/>s that name the device and the errno. Two message formats are in use:
/// GPIO's "<c>open on /dev/gpiochip0 failed: No such file or directory (ENOENT, errno 2)</c>" (<see cref="LastError"/>,
/// <see cref="ToException"/>) and SPI/evdev's "<c>/dev/spidev0.0: open failed: ENOENT (2: No such file or directory)</c>"
/// (<see cref="Fault"/>, <see cref="Describe"/>).
/// </summary>
internal static class Errno
{
    /// <summary>ENOENT.</summary>
    internal const int ENOENT = 2;

    /// <summary>EINTR.</summary>
    internal const int EINTR = 4;

    /// <summary>EAGAIN.</summary>
    internal const int EAGAIN = 11;

    /// <summary>ENODEV.</summary>
    internal const int ENODEV = 19;

    /// <summary>EINVAL.</summary>
    internal const int EINVAL = 22;

    /// <summary>ENOTTY.</summary>
    internal const int ENOTTY = 25;

    /// <summary>Symbolic names of the errno values a GPIO, SPI or input device usually returns; "errno" for any other.</summary>
    internal static string Name(int errno) => errno switch
    {
        1 => "EPERM",
        ENOENT => "ENOENT",
        EINTR => "EINTR",
        5 => "EIO",
        6 => "ENXIO",
        9 => "EBADF",
        EAGAIN => "EAGAIN",
        13 => "EACCES",
        16 => "EBUSY",
        ENODEV => "ENODEV",
        EINVAL => "EINVAL",
        ENOTTY => "ENOTTY",
        90 => "EMSGSIZE",
        110 => "ETIMEDOUT",
        _ => "errno",
    };

    /// <summary>An exception for the failed <paramref name="operation"/> on <paramref name="device"/> using the last P/Invoke error.</summary>
    internal static IOException LastError(string operation, string device) => ToException(operation, device, Marshal.GetLastPInvokeError());

    /// <summary>"<c>{operation} on {device} failed: {text} ({name}, errno {n})</c>".</summary>
    internal static IOException ToException(string operation, string device, int errno) =>
        new($"{operation} on {device} failed: {Marshal.GetPInvokeErrorMessage(errno)} ({Name(errno)}, errno {errno})", errno);

    /// <summary>"<c>{name} ({n}: {text})</c>".</summary>
    internal static string Describe(int errno) =>
        string.Create(CultureInfo.InvariantCulture, $"{Name(errno)} ({errno}: {Marshal.GetPInvokeErrorMessage(errno)})");

    /// <summary>"<c>{device}: {operation} failed: {name} ({n}: {text})</c>". Note the argument order: device first.</summary>
    internal static IOException Fault(string device, string operation, int errno) =>
        new($"{device}: {operation} failed: {Describe(errno)}", errno);
}
