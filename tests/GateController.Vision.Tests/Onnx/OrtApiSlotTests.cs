using System.Text;
using GateController.Vision.Onnx;
using GateController.Vision.Onnx.Interop;

namespace GateController.Vision.Tests.Onnx;

/// <summary>
/// Calls table slots that are otherwise only seen succeeding with arguments ONNX Runtime rejects, so a
/// wrong slot shows up as a different (or missing) error instead of passing silently.
/// </summary>
public sealed unsafe class OrtApiSlotTests
{
    [Fact]
    public void SetSessionGraphOptimizationLevel_UndefinedLevel_RuntimeRejectsIt()
    {
        using var options = CreateOptions();

        var exception = Assert.Throws<OnnxRuntimeException>(
            () => OrtApi.Check(OrtApi.SetSessionGraphOptimizationLevel(options.Pointer, 5), "slot 23"));

        Assert.Equal(OnnxErrorCode.InvalidArgument, exception.ErrorCode);
        Assert.Contains("graph_optimization_level", exception.RuntimeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSessionConfigEntry_EmptyKey_RuntimeRejectsIt()
    {
        using var options = CreateOptions();
        var key = "\0"u8.ToArray();
        var value = Encoding.UTF8.GetBytes("0\0");

        var exception = Assert.Throws<OnnxRuntimeException>(() =>
        {
            fixed (byte* keyPointer = key)
            fixed (byte* valuePointer = value)
            {
                OrtApi.Check(OrtApi.AddSessionConfigEntry(options.Pointer, keyPointer, valuePointer), "slot 130");
            }
        });

        Assert.Contains("key", exception.RuntimeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SetSessionExecutionMode_UndefinedMode_RuntimeRejectsIt()
    {
        using var options = CreateOptions();

        var exception = Assert.Throws<OnnxRuntimeException>(
            () => OrtApi.Check(OrtApi.SetSessionExecutionMode(options.Pointer, 7), "slot 13"));

        Assert.Contains("execution_mode", exception.RuntimeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTensorMutableData_RunnerTensor_ReturnsOurOwnBuffer()
    {
        using var session = OnnxTestEnvironment.OpenVerified("fr_eye");
        using var runner = session.CreateRunner();
        var tensor = runner.Input("input");
        void* data;
        int isTensor;

        OrtApi.Check(OrtApi.GetTensorMutableData(tensor.ValuePointer, &data), "slot 51");
        OrtApi.Check(OrtApi.IsTensor(tensor.ValuePointer, &isTensor), "slot 50");

        fixed (float* span = tensor.Span)
        {
            Assert.Equal((nint)span, (nint)data);
        }
        Assert.Equal(1, isTensor);
    }

    [Fact]
    public void GetTensorTypeAndShape_RunnerTensor_ReportsFloatAndModelShape()
    {
        using var session = OnnxTestEnvironment.OpenVerified("fr_detect");
        using var runner = session.CreateRunner();
        var tensor = runner.Output("boxes");
        nint info;
        OrtApi.Check(OrtApi.GetTensorTypeAndShape(tensor.ValuePointer, &info), "slot 65");
        try
        {
            int elementType;
            nuint count;
            OrtApi.Check(OrtApi.GetTensorElementType(info, &elementType), "slot 60");
            OrtApi.Check(OrtApi.GetTensorShapeElementCount(info, &count), "slot 64");

            Assert.Equal((int)OnnxElementType.Float32, elementType);
            Assert.Equal((nuint)(4420 * 4), count);
        }
        finally
        {
            OrtApi.ReleaseTensorTypeAndShapeInfo(info);
        }
    }

    private static OrtSessionOptionsHandle CreateOptions()
    {
        _ = OnnxTestEnvironment.Runtime;
        var handle = new OrtSessionOptionsHandle();
        nint pointer;
        OrtApi.Check(OrtApi.CreateSessionOptions(&pointer), "slot 10");
        handle.Adopt(pointer);
        return handle;
    }
}
