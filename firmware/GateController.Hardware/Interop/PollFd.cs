using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct pollfd from &lt;poll.h&gt;.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct PollFd
{
    [FieldOffset(0)] public int Fd;
    [FieldOffset(4)] public short Events;
    [FieldOffset(6)] public short REvents;
}
