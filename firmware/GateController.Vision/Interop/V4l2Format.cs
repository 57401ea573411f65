using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>
/// struct v4l2_format (videodev2.h) on 64-bit Linux: the type, then the 200-byte format union aligned to 8
/// (it holds pointers in struct v4l2_window), 208 bytes. Only the single-planar pixel format member is used.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 208)]
internal struct V4l2Format
{
    [FieldOffset(0)]
    public uint Type;

    [FieldOffset(8)]
    public V4l2PixFormat Pix;
}
