namespace GateController.Vision.Onnx.Interop;

/// <summary>
/// Indices of the OrtApi function table entries this binding calls, counted member by member from
/// <c>struct OrtApi</c> in include/onnxruntime/core/session/onnxruntime_c_api.h. The table is
/// append-only across releases, so these indices hold for ORT_API_VERSION 30 (ONNX Runtime 1.30).
/// A wrong index calls the wrong function silently: a test compiles every index here against the 1.30.0
/// header with gcc (offsetof(OrtApi, Name) / sizeof(void*)), and the start-up self-check and the
/// reference-vector test guard them at run time.
/// </summary>
internal static class OrtApiSlot
{
    public const int CreateStatus = 0;
    public const int GetErrorCode = 1;
    public const int GetErrorMessage = 2;
    public const int CreateEnv = 3;
    public const int CreateSession = 7;
    public const int Run = 9;
    public const int CreateSessionOptions = 10;
    public const int SetSessionExecutionMode = 13;
    public const int SetSessionLogSeverityLevel = 22;
    public const int SetSessionGraphOptimizationLevel = 23;
    public const int SetIntraOpNumThreads = 24;
    public const int SetInterOpNumThreads = 25;
    public const int SessionGetInputCount = 30;
    public const int SessionGetOutputCount = 31;
    public const int SessionGetInputTypeInfo = 33;
    public const int SessionGetOutputTypeInfo = 34;
    public const int SessionGetInputName = 36;
    public const int SessionGetOutputName = 37;
    public const int CreateTensorWithDataAsOrtValue = 49;
    public const int IsTensor = 50;
    public const int GetTensorMutableData = 51;
    public const int CastTypeInfoToTensorInfo = 55;
    public const int GetOnnxTypeFromTypeInfo = 56;
    public const int GetTensorElementType = 60;
    public const int GetDimensionsCount = 61;
    public const int GetDimensions = 62;
    public const int GetTensorShapeElementCount = 64;
    public const int GetTensorTypeAndShape = 65;
    public const int CreateCpuMemoryInfo = 69;
    public const int AllocatorFree = 76;
    public const int GetAllocatorWithDefaultOptions = 78;
    public const int ReleaseEnv = 92;
    public const int ReleaseStatus = 93;
    public const int ReleaseMemoryInfo = 94;
    public const int ReleaseSession = 95;
    public const int ReleaseValue = 96;
    public const int ReleaseTypeInfo = 98;
    public const int ReleaseTensorTypeAndShapeInfo = 99;
    public const int ReleaseSessionOptions = 100;
    public const int AddSessionConfigEntry = 130;
}
