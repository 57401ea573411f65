using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using GateController.Vision.Onnx;
using GateController.Vision.Onnx.Interop;

namespace GateController.Vision.Tests.Onnx;

/// <summary>
/// Compiles a C program against onnxruntime_c_api.h of ONNX Runtime 1.30.0 (from the
/// Microsoft.ML.OnnxRuntime package, used for its header only) and checks every OrtApi slot index this
/// binding calls, ORT_API_VERSION and the OrtApiBase layout against it.
/// </summary>
public sealed class OrtApiLayoutTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, long>>> HeaderFacts = new(CompileAndRunAsync);

    public static TheoryData<string, int> Slots
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, index) in SlotConstants())
            {
                data.Add(name, index);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Slots))]
    public async Task OrtApiSlot_Constant_EqualsMemberIndexInHeader(string name, int index)
    {
        var facts = await HeaderFacts.Value;

        Assert.Equal(facts[$"slot.{name}"], index);
    }

    [Fact]
    public async Task ApiVersion_EqualsHeaderOrtApiVersion()
    {
        var facts = await HeaderFacts.Value;

        Assert.Equal((long)OnnxRuntime.ApiVersion, facts["ORT_API_VERSION"]);
    }

    [Fact]
    public async Task OrtApiBase_LayoutEqualsHeader()
    {
        var facts = await HeaderFacts.Value;

        Assert.Equal(facts["sizeof.OrtApiBase"], Marshal.SizeOf<OrtApiBase>());
        Assert.Equal(facts["offsetof.OrtApiBase.GetApi"], Marshal.OffsetOf<OrtApiBase>(nameof(OrtApiBase.GetApi)));
        Assert.Equal(facts["offsetof.OrtApiBase.GetVersionString"], Marshal.OffsetOf<OrtApiBase>(nameof(OrtApiBase.GetVersionString)));
    }

    [Theory]
    [InlineData("ORT_OK", OnnxErrorCode.Ok)]
    [InlineData("ORT_INVALID_PROTOBUF", OnnxErrorCode.InvalidProtobuf)]
    [InlineData("ORT_EP_FAIL", OnnxErrorCode.ExecutionProviderFail)]
    [InlineData("ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT", OnnxElementType.Float32)]
    [InlineData("ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16", OnnxElementType.BFloat16)]
    [InlineData("ORT_ENABLE_ALL", OnnxGraphOptimizationLevel.All)]
    [InlineData("ORT_LOGGING_LEVEL_ERROR", OnnxLogSeverity.Error)]
    public async Task Enum_Value_EqualsHeader(string constant, object value)
    {
        var facts = await HeaderFacts.Value;

        Assert.Equal(facts[$"enum.{constant}"], Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<(string Name, int Index)> SlotConstants() =>
        typeof(OrtApiSlot).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (field.Name, (int)field.GetRawConstantValue()!));

    private static async Task<IReadOnlyDictionary<string, long>> CompileAndRunAsync()
    {
        var include = typeof(OrtApiLayoutTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "OnnxRuntimeIncludeDirectory").Value!;
        Assert.True(File.Exists(Path.Combine(include, "onnxruntime_c_api.h")), $"onnxruntime_c_api.h not found in {include}: restore the test project");

        var source = new StringBuilder();
        source.AppendLine("#include <stdio.h>");
        source.AppendLine("#include <stddef.h>");
        source.AppendLine("#include \"onnxruntime_c_api.h\"");
        source.AppendLine("int main(void) {");
        source.AppendLine("  printf(\"ORT_API_VERSION %d\\n\", ORT_API_VERSION);");
        source.AppendLine("  printf(\"sizeof.OrtApiBase %zu\\n\", sizeof(OrtApiBase));");
        source.AppendLine("  printf(\"offsetof.OrtApiBase.GetApi %zu\\n\", offsetof(OrtApiBase, GetApi));");
        source.AppendLine("  printf(\"offsetof.OrtApiBase.GetVersionString %zu\\n\", offsetof(OrtApiBase, GetVersionString));");
        foreach (var (name, _) in SlotConstants())
        {
            source.AppendLine(CultureInfo.InvariantCulture, $"  printf(\"slot.{name} %zu\\n\", offsetof(OrtApi, {name}) / sizeof(void*));");
        }
        foreach (var constant in new[]
        {
            "ORT_OK", "ORT_INVALID_PROTOBUF", "ORT_EP_FAIL", "ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT",
            "ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16", "ORT_ENABLE_ALL", "ORT_LOGGING_LEVEL_ERROR",
        })
        {
            source.AppendLine(CultureInfo.InvariantCulture, $"  printf(\"enum.{constant} %d\\n\", (int){constant});");
        }
        source.AppendLine("  return 0;");
        source.AppendLine("}");

        var output = await Task.Run(() => CHeaderProbe.CompileAndRun(source.ToString(), "-std=c11", "-I", include));
        return CHeaderProbe.ParseValues<long>(output, ' ');
    }
}
