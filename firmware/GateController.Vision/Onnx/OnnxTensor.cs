using System.Runtime.InteropServices;
using GateController.Vision.Onnx.Interop;

namespace GateController.Vision.Onnx;

/// <summary>
/// A float32 tensor over our own 64-byte aligned native buffer (never moved by the GC), wrapped once in
/// an OrtValue and reused across runs. The buffer is cleared before it is freed.
/// </summary>
public sealed unsafe class OnnxTensor : IDisposable
{
    private const int Alignment = 64;

    private readonly OrtValueHandle _value;
    private float* _data;

    internal OnnxTensor(OnnxTensorInfo info, OrtMemoryInfoHandle memoryInfo)
    {
        if (info.ElementType != OnnxElementType.Float32)
        {
            throw new NotSupportedException($"Tensor '{info.Name}' is {info.ElementType}; only float32 tensors are supported");
        }
        if (!info.IsFixedShape)
        {
            throw new NotSupportedException($"Tensor '{info.Name}' has an open dimension: [{string.Join(", ", info.Shape)}]");
        }
        var count = info.ElementCount;
        if (count is <= 0 or > int.MaxValue / sizeof(float))
        {
            throw new NotSupportedException($"Tensor '{info.Name}' has {count} elements");
        }
        Info = info;
        Length = (int)count;
        var bytes = (nuint)(Length * sizeof(float));
        _data = (float*)NativeMemory.AlignedAlloc(bytes, Alignment);
        NativeMemory.Clear(_data, bytes);
        _value = new OrtValueHandle();
        try
        {
            var shape = info.Shape.ToArray();
            nint value;
            bool added = false;
            memoryInfo.DangerousAddRef(ref added);
            try
            {
                fixed (long* shapePointer = shape)
                {
                    OrtApi.Check(
                        OrtApi.CreateTensorWithDataAsOrtValue(
                            memoryInfo.Pointer, _data, bytes, shapePointer, (nuint)shape.Length, (int)OnnxElementType.Float32, &value),
                        $"Creating tensor '{info.Name}'");
                }
            }
            finally
            {
                if (added)
                {
                    memoryInfo.DangerousRelease();
                }
            }
            _value.Adopt(value);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The tensor's name, element type and shape.</summary>
    public OnnxTensorInfo Info { get; }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements, row-major (NCHW for images). Valid until the tensor is disposed.</summary>
    public Span<float> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_data == null, this);
            return new Span<float>(_data, Length);
        }
    }

    internal nint ValuePointer => _value.Pointer;

    /// <inheritdoc/>
    public void Dispose()
    {
        _value?.Dispose();
        if (_data != null)
        {
            NativeMemory.Clear(_data, (nuint)(Length * sizeof(float)));
            NativeMemory.AlignedFree(_data);
            _data = null;
        }
    }
}
