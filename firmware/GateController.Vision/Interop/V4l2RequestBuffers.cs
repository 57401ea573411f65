using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>struct v4l2_requestbuffers (videodev2.h), 20 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2RequestBuffers
{
    public uint Count;
    public uint Type;
    public uint Memory;
    public uint Capabilities;
    public byte Flags;
    public fixed byte Reserved[3];
}
