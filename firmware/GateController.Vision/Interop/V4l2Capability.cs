using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>struct v4l2_capability (videodev2.h), 104 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Capability
{
    public fixed byte Driver[16];
    public fixed byte Card[32];
    public fixed byte BusInfo[32];
    public uint Version;
    public uint Capabilities;
    public uint DeviceCaps;
    public fixed uint Reserved[3];
}
