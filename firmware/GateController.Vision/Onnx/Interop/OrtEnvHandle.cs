namespace GateController.Vision.Onnx.Interop;

/// <summary>Owns an OrtEnv*; released with OrtApi::ReleaseEnv.</summary>
internal sealed class OrtEnvHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseEnv(handle);
        return true;
    }
}
