using System.Runtime.InteropServices;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Input;

/// <summary>
/// An evdev character device (/dev/input/eventN or a by-id link) read as struct input_event records with poll(2);
/// also reads a FIFO of recorded records for replay and tests.
/// </summary>
public sealed class EvdevInputDevice : IDisposable
{
    private readonly FileDescriptorHandle _handle;
    private readonly byte[] _buffer = new byte[InputEvent.Size * 64];
    private int _buffered;

    private EvdevInputDevice(string path, FileDescriptorHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    /// <summary>The path opened.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> read-only and non-blocking.</summary>
    /// <exception cref="IOException">open(2) failed; the message names the path and errno.</exception>
    public static EvdevInputDevice Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Environment.Is64BitProcess)
        {
            throw new PlatformNotSupportedException("struct input_event is read with the 64-bit layout (24 bytes)");
        }

        var descriptor = Libc.Open(path, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (descriptor < 0)
        {
            throw Errno.Fault(path, "open", Marshal.GetLastPInvokeError());
        }

        return new EvdevInputDevice(path, new FileDescriptorHandle(descriptor));
    }

    /// <summary>
    /// EVIOCGRAB: takes the device exclusively so key strokes reach no console or other reader. Returns 0 on success,
    /// else the errno (ENOTTY on a FIFO or regular file, EBUSY when another process holds the grab).
    /// </summary>
    public unsafe int TryGrab() => Libc.Ioctl(_handle, Libc.EVIOCGRAB, (void*)1) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> and reads the whole records available into <paramref name="events"/>.</summary>
    /// <exception cref="IOException">read or poll failed with an errno other than device removal.</exception>
    public unsafe InputReadStatus Read(List<InputEvent> events, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(events);
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            var poll = new PollFd { Fd = _handle.Fd, Events = Libc.POLLIN };
            var ready = Libc.Poll(&poll, 1, timeoutMilliseconds);
            if (ready < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno == Errno.EINTR ? InputReadStatus.Timeout : throw Errno.Fault(Path, "poll", errno);
            }

            if (ready == 0)
            {
                return InputReadStatus.Timeout;
            }

            if ((poll.REvents & Libc.POLLIN) == 0)
            {
                return (poll.REvents & (Libc.POLLHUP | Libc.POLLERR | Libc.POLLNVAL)) != 0 ? InputReadStatus.Gone : InputReadStatus.Timeout;
            }

            nint count;
            fixed (byte* buffer = _buffer)
            {
                count = Libc.Read(_handle, buffer + _buffered, (nuint)(_buffer.Length - _buffered));
            }

            if (count == 0)
            {
                return InputReadStatus.Gone;
            }

            if (count < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno switch
                {
                    Errno.EAGAIN or Errno.EINTR => InputReadStatus.Timeout,
                    Errno.ENODEV => InputReadStatus.Gone,
                    _ => throw Errno.Fault(Path, "read", errno),
                };
            }

            _buffered += (int)count;
            var whole = _buffered / InputEvent.Size;
            for (var i = 0; i < whole; i++)
            {
                events.Add(InputEvent.Read(_buffer.AsSpan(i * InputEvent.Size)));
            }

            // A FIFO may deliver part of a record; keep it for the next read (evdev always delivers whole records).
            var rest = _buffered - (whole * InputEvent.Size);
            _buffer.AsSpan(whole * InputEvent.Size, rest).CopyTo(_buffer);
            _buffered = rest;
            _buffer.AsSpan(rest).Clear();
            return whole > 0 ? InputReadStatus.Events : InputReadStatus.Timeout;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Array.Clear(_buffer);
        _handle.Dispose();
    }
}
