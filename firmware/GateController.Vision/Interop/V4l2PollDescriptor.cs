using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>struct pollfd (poll.h), 8 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2PollDescriptor
{
    public int FileDescriptor;
    public short Events;
    public short ReturnedEvents;
}
