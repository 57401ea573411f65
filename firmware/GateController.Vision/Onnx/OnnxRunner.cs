using System.Runtime.InteropServices;
using System.Text;
using GateController.Vision.Onnx.Interop;

namespace GateController.Vision.Onnx;

/// <summary>
/// Runs one session over buffers allocated once: fill <see cref="Inputs"/>, call <see cref="Run"/>, read
/// <see cref="Outputs"/>. A run allocates nothing on the managed heap. Not thread-safe: one runner per thread.
/// </summary>
public sealed unsafe class OnnxRunner : IDisposable
{
    private readonly OnnxSession _session;
    private readonly OnnxTensor[] _inputs;
    private readonly OnnxTensor[] _outputs;
    private readonly int _inputCount;
    private readonly int _outputCount;
    private byte** _inputNames;
    private byte** _outputNames;
    private nint* _inputValues;
    private nint* _outputValues;

    internal OnnxRunner(OnnxSession session, OrtMemoryInfoHandle memoryInfo)
    {
        _session = session;
        _inputCount = session.Inputs.Count;
        _outputCount = session.Outputs.Count;
        _inputs = new OnnxTensor[_inputCount];
        _outputs = new OnnxTensor[_outputCount];
        try
        {
            _inputNames = AllocateNames(session.Inputs);
            _outputNames = AllocateNames(session.Outputs);
            _inputValues = (nint*)NativeMemory.AllocZeroed((nuint)Math.Max(_inputCount, 1), (nuint)sizeof(nint));
            _outputValues = (nint*)NativeMemory.AllocZeroed((nuint)Math.Max(_outputCount, 1), (nuint)sizeof(nint));
            for (var index = 0; index < _inputCount; index++)
            {
                _inputs[index] = new OnnxTensor(session.Inputs[index], memoryInfo);
                _inputValues[index] = _inputs[index].ValuePointer;
            }
            for (var index = 0; index < _outputCount; index++)
            {
                _outputs[index] = new OnnxTensor(session.Outputs[index], memoryInfo);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The input tensors, in the model's input order.</summary>
    public IReadOnlyList<OnnxTensor> Inputs => _inputs;

    /// <summary>The output tensors, in the model's output order; filled by <see cref="Run"/>.</summary>
    public IReadOnlyList<OnnxTensor> Outputs => _outputs;

    /// <summary>The input with the given name.</summary>
    public OnnxTensor Input(string name) => Find(_inputs, name, "input");

    /// <summary>The output with the given name.</summary>
    public OnnxTensor Output(string name) => Find(_outputs, name, "output");

    /// <summary>Runs the model on the current inputs, writing into the output buffers.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_inputValues == null, this);
        for (var index = 0; index < _outputCount; index++)
        {
            _outputValues[index] = _outputs[index].ValuePointer;
        }
        var handle = _session.Handle;
        bool added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            var status = OrtApi.Run(
                handle.Pointer, 0, _inputNames, _inputValues, (nuint)_inputCount, _outputNames, (nuint)_outputCount, _outputValues);
            if (status != 0)
            {
                OrtApi.Check(status, $"Running model '{_session.ModelPath}'");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
        for (var index = 0; index < _outputCount; index++)
        {
            if (_outputValues[index] != _outputs[index].ValuePointer)
            {
                // ONNX Runtime allocated its own output instead of writing into ours: not expected for fixed shapes.
                OrtApi.ReleaseValue(_outputValues[index]);
                throw new OnnxRuntimeException(
                    OnnxErrorCode.Fail,
                    $"output '{_outputs[index].Info.Name}' was not written into its preallocated buffer",
                    $"Running model '{_session.ModelPath}'");
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var tensor in _inputs)
        {
            tensor?.Dispose();
        }
        foreach (var tensor in _outputs)
        {
            tensor?.Dispose();
        }
        FreeNames(ref _inputNames, _inputCount);
        FreeNames(ref _outputNames, _outputCount);
        NativeMemory.Free(_inputValues);
        _inputValues = null;
        NativeMemory.Free(_outputValues);
        _outputValues = null;
    }

    private static OnnxTensor Find(OnnxTensor[] tensors, string name, string kind)
    {
        foreach (var tensor in tensors)
        {
            if (string.Equals(tensor.Info.Name, name, StringComparison.Ordinal))
            {
                return tensor;
            }
        }
        throw new ArgumentException(
            $"The model has no {kind} named '{name}' (it has: {string.Join(", ", tensors.Select(tensor => tensor.Info.Name))})", nameof(name));
    }

    private static byte** AllocateNames(IReadOnlyList<OnnxTensorInfo> tensors)
    {
        var names = (byte**)NativeMemory.AllocZeroed((nuint)Math.Max(tensors.Count, 1), (nuint)sizeof(byte*));
        for (var index = 0; index < tensors.Count; index++)
        {
            var bytes = Encoding.UTF8.GetBytes(tensors[index].Name);
            var name = (byte*)NativeMemory.AllocZeroed((nuint)bytes.Length + 1);
            bytes.CopyTo(new Span<byte>(name, bytes.Length));
            names[index] = name;
        }
        return names;
    }

    private static void FreeNames(ref byte** names, int count)
    {
        if (names == null)
        {
            return;
        }
        for (var index = 0; index < count; index++)
        {
            NativeMemory.Free(names[index]);
        }
        NativeMemory.Free(names);
        names = null;
    }
}
