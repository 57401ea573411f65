using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>
/// Owns a Linux file descriptor (GPIO chip or line request, /dev/spidevB.C, /dev/input/eventN or a replay FIFO) and
/// closes it exactly once — on Dispose, or by the finalizer if the owner forgot.
/// For a GPIO line request this fd is the line's ownership: the kernel releases the line when the fd closes,
/// including when the process dies.
/// </summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    /// <summary>Wraps <paramref name="fd"/>; the handle now owns it.</summary>
    internal FileDescriptorHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    /// <inheritdoc />
    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>The descriptor number, for diagnostics and tests.</summary>
    internal int Fd => (int)handle.ToInt64();

    /// <summary>Opens <paramref name="path"/>; throws <see cref="IOException"/> naming the path and errno.</summary>
    internal static FileDescriptorHandle Open(string path, int flags)
    {
        var fd = Libc.Open(path, flags | Libc.O_CLOEXEC);
        return fd < 0 ? throw Errno.LastError("open", path) : new FileDescriptorHandle(fd);
    }

    /// <summary>Runs <paramref name="action"/> with the raw descriptor while holding a reference, so it cannot be closed underneath.</summary>
    internal T Use<T>(Func<int, T> action)
    {
        var added = false;
        DangerousAddRef(ref added);
        try
        {
            return action(Fd);
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle() => Libc.Close(Fd) == 0;
}
