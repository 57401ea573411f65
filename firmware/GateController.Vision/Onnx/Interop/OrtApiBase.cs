using System.Runtime.InteropServices;

namespace GateController.Vision.Onnx.Interop;

/// <summary>struct OrtApiBase from onnxruntime_c_api.h: what OrtGetApiBase() returns.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OrtApiBase
{
    /// <summary>const OrtApi* GetApi(uint32_t version).</summary>
    public delegate* unmanaged<uint, void**> GetApi;

    /// <summary>const char* GetVersionString(void).</summary>
    public delegate* unmanaged<byte*> GetVersionString;
}
