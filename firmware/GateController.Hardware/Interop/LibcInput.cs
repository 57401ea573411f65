using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>libc calls used by the evdev input reader (open, read, poll, ioctl on /dev/input/eventN).</summary>
internal static unsafe partial class LibcInput
{
    private const string Libc = "libc";

    /// <summary>O_RDONLY.</summary>
    internal const int O_RDONLY = 0x0;

    /// <summary>O_NONBLOCK (asm-generic/fcntl.h, same on x86-64 and arm64).</summary>
    internal const int O_NONBLOCK = 0x800;

    /// <summary>O_CLOEXEC.</summary>
    internal const int O_CLOEXEC = 0x80000;

    /// <summary>POLLIN.</summary>
    internal const short POLLIN = 0x1;

    /// <summary>POLLERR.</summary>
    internal const short POLLERR = 0x8;

    /// <summary>POLLHUP.</summary>
    internal const short POLLHUP = 0x10;

    /// <summary>POLLNVAL.</summary>
    internal const short POLLNVAL = 0x20;

    /// <summary>EVIOCGRAB: _IOW('E', 0x90, int).</summary>
    internal static readonly nuint EVIOCGRAB = (1u << 30) | ((uint)sizeof(int) << 16) | ((uint)'E' << 8) | 0x90u;

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fileDescriptor);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(SafeHandle fileDescriptor, void* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(InputPollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(SafeHandle fileDescriptor, nuint request, nint argument);
}
