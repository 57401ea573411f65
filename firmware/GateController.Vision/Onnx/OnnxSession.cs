using GateController.Vision.Onnx.Interop;

namespace GateController.Vision.Onnx;

/// <summary>A loaded model: its inputs and outputs, and runners that execute it over reused buffers.</summary>
public sealed unsafe class OnnxSession : IDisposable
{
    private const int OnnxTypeTensor = 1;

    private readonly OnnxRuntime _runtime;
    private readonly OrtEnvHandle _env;
    private readonly OrtSessionHandle _handle;
    private int _disposed;

    internal OnnxSession(
        OnnxRuntime runtime, OrtEnvHandle env, string modelPath, OrtSessionHandle handle,
        IReadOnlyList<OnnxTensorInfo> inputs, IReadOnlyList<OnnxTensorInfo> outputs)
    {
        _runtime = runtime;
        _handle = handle;
        // The session uses the environment's logger and thread settings: keep the OrtEnv alive until it is released.
        bool added = false;
        env.DangerousAddRef(ref added);
        _env = env;
        bool memoryAdded = false;
        runtime.CpuMemory.DangerousAddRef(ref memoryAdded);
        ModelPath = modelPath;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The model file this session was loaded from.</summary>
    public string ModelPath { get; }

    /// <summary>The model's inputs, in graph order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    /// <summary>The model's outputs, in graph order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    internal OrtSessionHandle Handle => _handle;

    /// <summary>
    /// Creates a runner with one float32 buffer per input and output, allocated once and reused by every
    /// <see cref="OnnxRunner.Run"/>. One runner per thread; a session may have several.
    /// </summary>
    public OnnxRunner CreateRunner()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return new OnnxRunner(this, _runtime.CpuMemory);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _handle.Dispose();
        _runtime.CpuMemory.DangerousRelease();
        _env.DangerousRelease();
    }

    internal static IReadOnlyList<OnnxTensorInfo> DescribeTensors(OrtSessionHandle session, bool input, string modelPath)
    {
        var context = $"Reading the {(input ? "inputs" : "outputs")} of model '{modelPath}'";
        nuint count;
        OrtApi.Check(input ? OrtApi.SessionGetInputCount(session.Pointer, &count) : OrtApi.SessionGetOutputCount(session.Pointer, &count), context);
        nint allocator;
        OrtApi.Check(OrtApi.GetAllocatorWithDefaultOptions(&allocator), context);
        var tensors = new OnnxTensorInfo[(int)count];
        for (nuint index = 0; index < count; index++)
        {
            byte* name;
            OrtApi.Check(
                input
                    ? OrtApi.SessionGetInputName(session.Pointer, index, allocator, &name)
                    : OrtApi.SessionGetOutputName(session.Pointer, index, allocator, &name),
                context);
            string nameText;
            try
            {
                nameText = OnnxRuntime.ReadUtf8(name);
            }
            finally
            {
                OrtApi.Check(OrtApi.AllocatorFree(allocator, name), context);
            }

            nint typeInfo;
            OrtApi.Check(
                input
                    ? OrtApi.SessionGetInputTypeInfo(session.Pointer, index, &typeInfo)
                    : OrtApi.SessionGetOutputTypeInfo(session.Pointer, index, &typeInfo),
                context);
            try
            {
                tensors[(int)index] = DescribeType(nameText, typeInfo, context);
            }
            finally
            {
                OrtApi.ReleaseTypeInfo(typeInfo);
            }
        }
        return tensors;
    }

    private static OnnxTensorInfo DescribeType(string name, nint typeInfo, string context)
    {
        int onnxType;
        OrtApi.Check(OrtApi.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), context);
        if (onnxType != OnnxTypeTensor)
        {
            return new OnnxTensorInfo(name, OnnxElementType.Undefined, []);
        }
        nint tensorInfo;
        OrtApi.Check(OrtApi.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), context);
        int elementType;
        OrtApi.Check(OrtApi.GetTensorElementType(tensorInfo, &elementType), context);
        nuint dimensionCount;
        OrtApi.Check(OrtApi.GetDimensionsCount(tensorInfo, &dimensionCount), context);
        var dimensions = new long[(int)dimensionCount];
        fixed (long* pointer = dimensions)
        {
            OrtApi.Check(OrtApi.GetDimensions(tensorInfo, pointer, dimensionCount), context);
        }
        return new OnnxTensorInfo(name, (OnnxElementType)elementType, dimensions);
    }
}
