using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>
/// struct v4l2_buffer (videodev2.h) on 64-bit Linux, 88 bytes: struct timeval is two 64-bit longs at 24,
/// struct v4l2_timecode (16 bytes) at 40, the memory union (offset for mmap) at 64.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal struct V4l2Buffer
{
    [FieldOffset(0)]
    public uint Index;

    [FieldOffset(4)]
    public uint Type;

    [FieldOffset(8)]
    public uint BytesUsed;

    [FieldOffset(12)]
    public uint Flags;

    [FieldOffset(16)]
    public uint Field;

    [FieldOffset(24)]
    public long TimestampSeconds;

    [FieldOffset(32)]
    public long TimestampMicroseconds;

    [FieldOffset(56)]
    public uint Sequence;

    [FieldOffset(60)]
    public uint Memory;

    [FieldOffset(64)]
    public uint Offset;

    [FieldOffset(72)]
    public uint Length;

    [FieldOffset(76)]
    public uint Reserved2;

    [FieldOffset(80)]
    public int RequestFd;
}
