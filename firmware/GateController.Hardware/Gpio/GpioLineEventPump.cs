using GateController.Hardware.Interop;

namespace GateController.Hardware.Gpio;

/// <summary>
/// Reads gpio_v2_line_event records from a line request fd on its own thread and hands each to a callback
/// with the kernel's timestamp. It only reads; the fd stays owned by the caller.
/// </summary>
internal sealed unsafe class GpioLineEventPump : IDisposable
{
    private const int PollTimeoutMilliseconds = 100;
    private const int EventsPerRead = 64;

    private readonly FileDescriptorHandle _handle;
    private readonly string _device;
    private readonly Action<GpioV2LineEvent> _onEvent;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Starts reading <paramref name="handle"/> (named <paramref name="device"/> in errors).</summary>
    internal GpioLineEventPump(FileDescriptorHandle handle, string device, Action<GpioV2LineEvent> onEvent)
    {
        _handle = handle;
        _device = device;
        _onEvent = onEvent;
        _thread = new Thread(Run) { IsBackground = true, Name = "gpio events " + device };
        _thread.Start();
    }

    /// <summary>The fault that stopped the pump, if any.</summary>
    internal IOException? Fault { get; private set; }

    /// <summary>Exceptions thrown by the callback, caught and counted.</summary>
    internal long CallbackFaults { get; private set; }

    /// <summary>Records read so far.</summary>
    internal long EventsRead { get; private set; }

    /// <summary>Waits up to <paramref name="timeout"/> for the pump to stop by itself (after a fault); true if it has.</summary>
    internal bool WaitForStop(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>Stops the thread and waits for it.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private void Run()
    {
        var events = stackalloc GpioV2LineEvent[EventsPerRead];
        while (!_stopping)
        {
            var count = _handle.Use(fd => WaitAndRead(fd, events));
            if (count < 0)
            {
                return;
            }

            for (var i = 0; i < count; i++)
            {
                EventsRead++;
                try
                {
                    _onEvent(events[i]);
                }
#pragma warning disable CA1031 // A callback's fault must not stop the line's events.
                catch (Exception)
#pragma warning restore CA1031
                {
                    CallbackFaults++;
                }
            }
        }
    }

    private int WaitAndRead(int fd, GpioV2LineEvent* events)
    {
        var pollFd = new PollFd { Fd = fd, Events = Libc.POLLIN };
        var ready = Libc.Poll(&pollFd, 1, PollTimeoutMilliseconds);
        if (ready < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            return errno == Errno.EINTR ? 0 : Stop(Errno.ToException("poll", _device, errno));
        }

        if (ready == 0)
        {
            return 0;
        }

        if ((pollFd.REvents & Libc.POLLIN) == 0)
        {
            return Stop(new IOException($"poll on {_device} reported the line closed (revents 0x{pollFd.REvents:x})"));
        }

        var bytes = Libc.Read(fd, events, (nuint)(EventsPerRead * sizeof(GpioV2LineEvent)));
        if (bytes < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            return errno is Errno.EINTR or Errno.EAGAIN ? 0 : Stop(Errno.ToException("read", _device, errno));
        }

        if (bytes == 0)
        {
            return Stop(new IOException($"read on {_device} reached end of file"));
        }

        if (bytes % sizeof(GpioV2LineEvent) != 0)
        {
            return Stop(new IOException($"read on {_device} returned {bytes} bytes, not a whole number of {sizeof(GpioV2LineEvent)}-byte events"));
        }

        return (int)(bytes / sizeof(GpioV2LineEvent));
    }

    private int Stop(IOException fault)
    {
        Fault = fault;
        _stopping = true;
        return -1;
    }
}
