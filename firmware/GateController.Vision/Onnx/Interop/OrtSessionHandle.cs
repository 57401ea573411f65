namespace GateController.Vision.Onnx.Interop;

/// <summary>Owns an OrtSession*; released with OrtApi::ReleaseSession.</summary>
internal sealed class OrtSessionHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseSession(handle);
        return true;
    }
}
