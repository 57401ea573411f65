using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>An open /dev/videoN file descriptor, closed on dispose.</summary>
internal sealed class V4l2DeviceHandle : SafeHandle
{
    public V4l2DeviceHandle()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle < 0;

    public int FileDescriptor => (int)handle;

    protected override bool ReleaseHandle() => V4l2Native.close((int)handle) == 0;
}
