using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>
/// The few libc calls the hardware layer needs (GPIO, SPI and evdev); callers wrap failures with <see cref="Errno"/>.
/// The <see cref="SafeHandle"/> overloads hold a reference on the descriptor for the duration of the call.
/// </summary>
internal static unsafe partial class Libc
{
    /// <summary>O_RDONLY (asm-generic/fcntl.h, same on x86-64 and arm64).</summary>
    internal const int O_RDONLY = 0;

    /// <summary>O_RDWR.</summary>
    internal const int O_RDWR = 2;

    /// <summary>O_NONBLOCK.</summary>
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

    /// <summary>F_GETFD.</summary>
    internal const int F_GETFD = 1;

    /// <summary>CLOCK_MONOTONIC.</summary>
    internal const int CLOCK_MONOTONIC = 1;

    /// <summary>EVIOCGRAB: _IOW('E', 0x90, int) from &lt;linux/input.h&gt;.</summary>
    internal static readonly nuint EVIOCGRAB = IoctlNumber.Write('E', 0x90, sizeof(int));

    private const string LibraryName = "libc";

    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(LibraryName, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(LibraryName, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(LibraryName, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(SafeHandle fd, nuint request, void* argument);

    [LibraryImport(LibraryName, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(SafeHandle fd, void* buffer, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(LibraryName, EntryPoint = "pipe2", SetLastError = true)]
    internal static partial int Pipe2(int* fds, int flags);

    [LibraryImport(LibraryName, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command);

    [LibraryImport(LibraryName, EntryPoint = "clock_gettime", SetLastError = true)]
    internal static partial int ClockGetTime(int clockId, TimeSpec* time);
}
