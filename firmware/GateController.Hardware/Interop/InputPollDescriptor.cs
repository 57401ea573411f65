using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct pollfd (poll.h): int fd, short events, short revents.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct InputPollDescriptor
{
    public int FileDescriptor;
    public short Events;
    public short ReturnedEvents;
}
