namespace GateController.Vision.Onnx.Interop;

/// <summary>Owns an OrtValue*; released with OrtApi::ReleaseValue.</summary>
internal sealed class OrtValueHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseValue(handle);
        return true;
    }
}
