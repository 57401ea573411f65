namespace GateController.Vision.Onnx.Interop;

/// <summary>Owns an OrtMemoryInfo*; released with OrtApi::ReleaseMemoryInfo.</summary>
internal sealed class OrtMemoryInfoHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseMemoryInfo(handle);
        return true;
    }
}
