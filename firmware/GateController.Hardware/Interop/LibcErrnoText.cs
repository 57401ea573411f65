using System.Globalization;
using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>Describes an errno value for IOException messages: symbolic name, number and text.</summary>
internal static class LibcErrnoText
{
    /// <summary>ENOENT.</summary>
    internal const int NoSuchFile = 2;

    /// <summary>EINTR.</summary>
    internal const int Interrupted = 4;

    /// <summary>EAGAIN.</summary>
    internal const int TryAgain = 11;

    /// <summary>ENODEV.</summary>
    internal const int NoSuchDevice = 19;

    /// <summary>EINVAL.</summary>
    internal const int InvalidArgument = 22;

    /// <summary>ENOTTY.</summary>
    internal const int NotATypewriter = 25;

    internal static string Describe(int errno)
    {
        var name = errno switch
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
            90 => "EMSGSIZE",
            _ => "errno",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{name} ({errno}: {Marshal.GetPInvokeErrorMessage(errno)})");
    }

    internal static IOException Fault(string device, string operation, int errno) =>
        new($"{device}: {operation} failed: {Describe(errno)}", errno);
}
