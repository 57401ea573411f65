using System.Text.Json;
using GateController.Vision.Onnx;

namespace GateController.Vision.Tests.Onnx;

public sealed class FeatureReferenceTests
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void Run_ReferenceInput_MatchesOnnxRuntimeNodeWithin1e4()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Onnx", "reference", "fr_feature.reference.json")));
        var expected = reference.RootElement.GetProperty("output").EnumerateArray().Select(value => value.GetSingle()).ToArray();
        Assert.Equal(OnnxTestEnvironment.Manifest["fr_feature"].InstalledSha256, reference.RootElement.GetProperty("modelSha256").GetString());
        using var session = OnnxTestEnvironment.OpenVerified("fr_feature");
        using var runner = session.CreateRunner();
        FeatureInput.FillReferencePattern(runner.Input("input").Span);

        runner.Run();

        var actual = runner.Output("output").Span;
        Assert.Equal(512, expected.Length);
        Assert.Equal(expected.Length, actual.Length);
        for (var index = 0; index < expected.Length; index++)
        {
            Assert.True(
                Math.Abs(expected[index] - actual[index]) <= Tolerance,
                $"output[{index}] = {actual[index]}, onnxruntime-node gave {expected[index]}");
        }
    }

    [Fact]
    public void Run_DenormalFlushedModel_GivesOutputsIdenticalToOriginal()
    {
        using var prepared = OnnxTestEnvironment.OpenVerified("fr_feature");
        using var original = OnnxTestEnvironment.Runtime.OpenSession(
            OnnxTestEnvironment.OriginalModelPath("fr_feature"),
            new OnnxSessionOptions { IntraOpThreadCount = 1, ExpectedSha256 = OnnxTestEnvironment.Manifest["fr_feature"].Sha256 });
        using var preparedRunner = prepared.CreateRunner();
        using var originalRunner = original.CreateRunner();

        foreach (var fill in new Action<Span<float>>[] { FeatureInput.FillReferencePattern, FeatureInput.FillGradient })
        {
            fill(preparedRunner.Input("input").Span);
            fill(originalRunner.Input("input").Span);

            preparedRunner.Run();
            originalRunner.Run();

            Assert.Equal(originalRunner.Output("output").Span.ToArray(), preparedRunner.Output("output").Span.ToArray());
        }
    }

    [Fact]
    public void PreparedModel_SameLengthAsOriginal_DiffersOnlyWhereDenormalsBecameZero()
    {
        var original = File.ReadAllBytes(OnnxTestEnvironment.OriginalModelPath("fr_feature"));
        var prepared = File.ReadAllBytes(OnnxTestEnvironment.ModelPath("fr_feature"));

        Assert.Equal(original.Length, prepared.Length);
        var flushed = 0;
        for (var offset = 0; offset < original.Length; offset++)
        {
            if (original[offset] == prepared[offset])
            {
                continue;
            }
            var word = FindFlushedWord(original, prepared, offset);
            Assert.True(word >= 0, $"byte {offset} changed outside a flushed denormal float");
            flushed++;
            offset = word + 3;
        }
        Assert.InRange(flushed, 1000, 20000);
    }

    private static int FindFlushedWord(byte[] original, byte[] prepared, int offset)
    {
        for (var start = offset; start > offset - 4 && start >= 0; start--)
        {
            if (start + 4 > original.Length)
            {
                continue;
            }
            var before = BitConverter.ToUInt32(original, start);
            var after = BitConverter.ToUInt32(prepared, start);
            var wasDenormal = (before & 0x7F800000u) == 0 && (before & 0x007FFFFFu) != 0;
            if (wasDenormal && after == (before & 0x80000000u))
            {
                return start;
            }
        }
        return -1;
    }
}
