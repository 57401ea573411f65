using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>An open /dev/spidevB.C file descriptor, closed on release.</summary>
internal sealed class SpiDeviceFileHandle : SafeHandle
{
    public SpiDeviceFileHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == new IntPtr(-1);

    internal static SpiDeviceFileHandle FromDescriptor(int fileDescriptor)
    {
        var result = new SpiDeviceFileHandle();
        result.SetHandle(new IntPtr(fileDescriptor));
        return result;
    }

    protected override bool ReleaseHandle() => LibcSpi.Close((int)handle) == 0;
}
