using Microsoft.Win32.SafeHandles;

namespace GateController.Vision.Onnx.Interop;

/// <summary>An owned ONNX Runtime object released through its OrtApi Release function.</summary>
internal abstract class OrtHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    protected OrtHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>The raw pointer for a call; the caller keeps this handle alive across the call.</summary>
    public nint Pointer => handle;

    /// <summary>Takes ownership of a pointer returned by ONNX Runtime.</summary>
    public void Adopt(nint pointer) => SetHandle(pointer);
}
