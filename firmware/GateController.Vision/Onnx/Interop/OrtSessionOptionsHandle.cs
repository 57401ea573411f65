namespace GateController.Vision.Onnx.Interop;

/// <summary>Owns an OrtSessionOptions*; released with OrtApi::ReleaseSessionOptions.</summary>
internal sealed class OrtSessionOptionsHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseSessionOptions(handle);
        return true;
    }
}
