using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>libc calls used by the SPI driver (open, ioctl on /dev/spidevB.C).</summary>
internal static unsafe partial class LibcSpi
{
    private const string Libc = "libc";

    /// <summary>open(2) flag O_RDWR (asm-generic/fcntl.h).</summary>
    internal const int O_RDWR = 0x2;

    /// <summary>open(2) flag O_CLOEXEC (asm-generic/fcntl.h, same on x86-64 and arm64).</summary>
    internal const int O_CLOEXEC = 0x80000;

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fileDescriptor);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(SafeHandle fileDescriptor, nuint request, void* argument);
}
