using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>An open evdev (or replay FIFO) file descriptor, closed on release.</summary>
internal sealed class InputDeviceFileHandle : SafeHandle
{
    public InputDeviceFileHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == new IntPtr(-1);

    internal static InputDeviceFileHandle FromDescriptor(int fileDescriptor)
    {
        var result = new InputDeviceFileHandle();
        result.SetHandle(new IntPtr(fileDescriptor));
        return result;
    }

    protected override bool ReleaseHandle() => LibcInput.Close((int)handle) == 0;
}
