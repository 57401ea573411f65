using System.Runtime.InteropServices;

namespace GateController.Vision.Onnx.Interop;

/// <summary>
/// Typed calls through the OrtApi function table (C signatures from onnxruntime_c_api.h; every C enum
/// is an int, every OrtX* an opaque pointer). Functions returning OrtStatus* go through
/// <see cref="Check"/>, which turns a non-null status into an <see cref="OnnxRuntimeException"/>.
/// </summary>
internal static unsafe class OrtApi
{
    private static void* Slot(int index) => OrtLibrary.Api[index];

    public static nint CreateStatus(OnnxErrorCode code, byte* message) =>
        ((delegate* unmanaged<int, byte*, nint>)Slot(OrtApiSlot.CreateStatus))((int)code, message);

    public static OnnxErrorCode GetErrorCode(nint status) =>
        (OnnxErrorCode)((delegate* unmanaged<nint, int>)Slot(OrtApiSlot.GetErrorCode))(status);

    public static string GetErrorMessage(nint status) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<nint, nint>)Slot(OrtApiSlot.GetErrorMessage))(status)) ?? string.Empty;

    public static void ReleaseStatus(nint status) =>
        ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseStatus))(status);

    /// <summary>Throws for a non-null OrtStatus* (releasing it), prefixing the message with <paramref name="context"/>.</summary>
    public static void Check(nint status, string context)
    {
        if (status == 0)
        {
            return;
        }
        var code = GetErrorCode(status);
        var message = GetErrorMessage(status);
        ReleaseStatus(status);
        throw new OnnxRuntimeException(code, message, context);
    }

    public static nint CreateEnv(int logSeverity, byte* logId, nint* env) =>
        ((delegate* unmanaged<int, byte*, nint*, nint>)Slot(OrtApiSlot.CreateEnv))(logSeverity, logId, env);

    public static void ReleaseEnv(nint env) => ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseEnv))(env);

    public static nint CreateSessionOptions(nint* options) =>
        ((delegate* unmanaged<nint*, nint>)Slot(OrtApiSlot.CreateSessionOptions))(options);

    public static void ReleaseSessionOptions(nint options) =>
        ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseSessionOptions))(options);

    public static nint SetSessionExecutionMode(nint options, int mode) =>
        ((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetSessionExecutionMode))(options, mode);

    public static nint SetSessionLogSeverityLevel(nint options, int level) =>
        ((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetSessionLogSeverityLevel))(options, level);

    public static nint SetSessionGraphOptimizationLevel(nint options, int level) =>
        ((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetSessionGraphOptimizationLevel))(options, level);

    public static nint SetIntraOpNumThreads(nint options, int count) =>
        ((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetIntraOpNumThreads))(options, count);

    public static nint SetInterOpNumThreads(nint options, int count) =>
        ((delegate* unmanaged<nint, int, nint>)Slot(OrtApiSlot.SetInterOpNumThreads))(options, count);

    public static nint AddSessionConfigEntry(nint options, byte* key, byte* value) =>
        ((delegate* unmanaged<nint, byte*, byte*, nint>)Slot(OrtApiSlot.AddSessionConfigEntry))(options, key, value);

    public static nint CreateSession(nint env, byte* modelPath, nint options, nint* session) =>
        ((delegate* unmanaged<nint, byte*, nint, nint*, nint>)Slot(OrtApiSlot.CreateSession))(env, modelPath, options, session);

    public static void ReleaseSession(nint session) =>
        ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseSession))(session);

    public static nint SessionGetInputCount(nint session, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Slot(OrtApiSlot.SessionGetInputCount))(session, count);

    public static nint SessionGetOutputCount(nint session, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Slot(OrtApiSlot.SessionGetOutputCount))(session, count);

    public static nint SessionGetInputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged<nint, nuint, nint*, nint>)Slot(OrtApiSlot.SessionGetInputTypeInfo))(session, index, typeInfo);

    public static nint SessionGetOutputTypeInfo(nint session, nuint index, nint* typeInfo) =>
        ((delegate* unmanaged<nint, nuint, nint*, nint>)Slot(OrtApiSlot.SessionGetOutputTypeInfo))(session, index, typeInfo);

    public static nint SessionGetInputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged<nint, nuint, nint, byte**, nint>)Slot(OrtApiSlot.SessionGetInputName))(session, index, allocator, name);

    public static nint SessionGetOutputName(nint session, nuint index, nint allocator, byte** name) =>
        ((delegate* unmanaged<nint, nuint, nint, byte**, nint>)Slot(OrtApiSlot.SessionGetOutputName))(session, index, allocator, name);

    public static nint GetAllocatorWithDefaultOptions(nint* allocator) =>
        ((delegate* unmanaged<nint*, nint>)Slot(OrtApiSlot.GetAllocatorWithDefaultOptions))(allocator);

    public static nint AllocatorFree(nint allocator, void* pointer) =>
        ((delegate* unmanaged<nint, void*, nint>)Slot(OrtApiSlot.AllocatorFree))(allocator, pointer);

    public static nint GetOnnxTypeFromTypeInfo(nint typeInfo, int* onnxType) =>
        ((delegate* unmanaged<nint, int*, nint>)Slot(OrtApiSlot.GetOnnxTypeFromTypeInfo))(typeInfo, onnxType);

    public static nint CastTypeInfoToTensorInfo(nint typeInfo, nint* tensorInfo) =>
        ((delegate* unmanaged<nint, nint*, nint>)Slot(OrtApiSlot.CastTypeInfoToTensorInfo))(typeInfo, tensorInfo);

    public static void ReleaseTypeInfo(nint typeInfo) =>
        ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseTypeInfo))(typeInfo);

    public static nint GetTensorElementType(nint tensorInfo, int* elementType) =>
        ((delegate* unmanaged<nint, int*, nint>)Slot(OrtApiSlot.GetTensorElementType))(tensorInfo, elementType);

    public static nint GetDimensionsCount(nint tensorInfo, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Slot(OrtApiSlot.GetDimensionsCount))(tensorInfo, count);

    public static nint GetDimensions(nint tensorInfo, long* dimensions, nuint count) =>
        ((delegate* unmanaged<nint, long*, nuint, nint>)Slot(OrtApiSlot.GetDimensions))(tensorInfo, dimensions, count);

    public static nint GetTensorShapeElementCount(nint tensorInfo, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Slot(OrtApiSlot.GetTensorShapeElementCount))(tensorInfo, count);

    public static nint GetTensorTypeAndShape(nint value, nint* tensorInfo) =>
        ((delegate* unmanaged<nint, nint*, nint>)Slot(OrtApiSlot.GetTensorTypeAndShape))(value, tensorInfo);

    public static void ReleaseTensorTypeAndShapeInfo(nint tensorInfo) =>
        ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseTensorTypeAndShapeInfo))(tensorInfo);

    public static nint CreateCpuMemoryInfo(int allocatorType, int memoryType, nint* memoryInfo) =>
        ((delegate* unmanaged<int, int, nint*, nint>)Slot(OrtApiSlot.CreateCpuMemoryInfo))(allocatorType, memoryType, memoryInfo);

    public static void ReleaseMemoryInfo(nint memoryInfo) =>
        ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseMemoryInfo))(memoryInfo);

    public static nint CreateTensorWithDataAsOrtValue(
        nint memoryInfo, void* data, nuint dataBytes, long* shape, nuint shapeLength, int elementType, nint* value) =>
        ((delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(OrtApiSlot.CreateTensorWithDataAsOrtValue))(
            memoryInfo, data, dataBytes, shape, shapeLength, elementType, value);

    public static nint IsTensor(nint value, int* isTensor) =>
        ((delegate* unmanaged<nint, int*, nint>)Slot(OrtApiSlot.IsTensor))(value, isTensor);

    public static nint GetTensorMutableData(nint value, void** data) =>
        ((delegate* unmanaged<nint, void**, nint>)Slot(OrtApiSlot.GetTensorMutableData))(value, data);

    public static void ReleaseValue(nint value) => ((delegate* unmanaged<nint, void>)Slot(OrtApiSlot.ReleaseValue))(value);

    public static nint Run(
        nint session, nint runOptions, byte** inputNames, nint* inputs, nuint inputCount,
        byte** outputNames, nuint outputCount, nint* outputs) =>
        ((delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)Slot(OrtApiSlot.Run))(
            session, runOptions, inputNames, inputs, inputCount, outputNames, outputCount, outputs);
}
