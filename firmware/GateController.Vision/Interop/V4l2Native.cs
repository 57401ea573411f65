using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>
/// The V4L2 video capture interface (linux/videodev2.h) through libc open/ioctl/poll/mmap, the subset mmap
/// streaming needs. Layouts are those of 64-bit Linux (x64, arm64). Request numbers are computed like the
/// kernel's _IOC macros (asm-generic/ioctl.h: nr bits 0–7, type 8–15, size 16–29, direction 30–31).
/// </summary>
internal static unsafe partial class V4l2Native
{
    public const string Library = "libc";

    public const uint BufferTypeVideoCapture = 1;
    public const uint MemoryMmap = 1;
    public const uint FieldNone = 1;
    public const uint CapabilityVideoCapture = 0x00000001;
    public const uint CapabilityStreaming = 0x04000000;
    public const uint CapabilityDeviceCaps = 0x80000000;
    public const uint BufferFlagError = 0x00000040;
    public const uint PixelFormatYuyv = ('Y') | ('U' << 8) | ('Y' << 16) | ((uint)'V' << 24);
    public const uint PixelFormatMjpeg = ('M') | ('J' << 8) | ('P' << 16) | ((uint)'G' << 24);

    public const int OpenReadWrite = 2;
    public const int OpenNonBlocking = 0x800;
    public const int OpenCloseOnExec = 0x80000;
    public const int ProtectionRead = 1;
    public const int ProtectionWrite = 2;
    public const int MapShared = 1;
    public const short PollIn = 0x1;
    public const short PollError = 0x8;
    public const short PollHangUp = 0x10;
    public const short PollInvalid = 0x20;
    public const int ErrorInterrupted = 4;
    public const int ErrorTryAgain = 11;

    private const uint DirectionWrite = 1;
    private const uint DirectionRead = 2;

    public static readonly nuint QueryCapability = Request(DirectionRead, 0, Unsafe.SizeOf<V4l2Capability>());
    public static readonly nuint GetFormat = Request(DirectionRead | DirectionWrite, 4, Unsafe.SizeOf<V4l2Format>());
    public static readonly nuint SetFormat = Request(DirectionRead | DirectionWrite, 5, Unsafe.SizeOf<V4l2Format>());
    public static readonly nuint RequestBuffers = Request(DirectionRead | DirectionWrite, 8, Unsafe.SizeOf<V4l2RequestBuffers>());
    public static readonly nuint QueryBuffer = Request(DirectionRead | DirectionWrite, 9, Unsafe.SizeOf<V4l2Buffer>());
    public static readonly nuint QueueBuffer = Request(DirectionRead | DirectionWrite, 15, Unsafe.SizeOf<V4l2Buffer>());
    public static readonly nuint DequeueBuffer = Request(DirectionRead | DirectionWrite, 17, Unsafe.SizeOf<V4l2Buffer>());
    public static readonly nuint StreamOn = Request(DirectionWrite, 18, sizeof(int));
    public static readonly nuint StreamOff = Request(DirectionWrite, 19, sizeof(int));

    /// <summary>MAP_FAILED.</summary>
    public static readonly IntPtr MapFailed = new(-1);

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int open(string path, int flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int ioctl(V4l2DeviceHandle fd, nuint request, void* argument);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int poll(V4l2PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial IntPtr mmap(IntPtr address, nuint length, int protection, int flags, V4l2DeviceHandle fd, long offset);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int munmap(IntPtr address, nuint length);

    /// <summary>The errno name of a code, for error messages ("ENODEV").</summary>
    public static string ErrorName(int errno) => errno switch
    {
        1 => "EPERM",
        2 => "ENOENT",
        4 => "EINTR",
        5 => "EIO",
        11 => "EAGAIN",
        12 => "ENOMEM",
        13 => "EACCES",
        16 => "EBUSY",
        19 => "ENODEV",
        22 => "EINVAL",
        25 => "ENOTTY",
        _ => "errno",
    };

    private static nuint Request(uint direction, uint number, int size) =>
        (direction << 30) | ((uint)size << 16) | ((uint)'V' << 8) | number;
}
