using GateController.Vision.Onnx;

namespace GateController.Vision.Tests.Onnx;

public sealed class OnnxSessionTests
{
    public static TheoryData<string> Models => new(OnnxTestEnvironment.ModelNames);

    [Theory]
    [MemberData(nameof(Models))]
    public void OpenSession_ManifestModel_InputsAndOutputsMatchManifest(string name)
    {
        var expected = OnnxTestEnvironment.Manifest[name];

        using var session = OnnxTestEnvironment.OpenVerified(name);

        AssertSameTensors(expected.Inputs, session.Inputs);
        AssertSameTensors(expected.Outputs, session.Outputs);
        Assert.Equal(OnnxTestEnvironment.ModelPath(name), session.ModelPath);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Run_MidGreyInput_WritesFiniteValuesIntoEveryOutput(string name)
    {
        using var session = OnnxTestEnvironment.OpenVerified(name);
        using var runner = session.CreateRunner();
        foreach (var input in runner.Inputs)
        {
            input.Span.Fill(0.25f);
        }
        foreach (var output in runner.Outputs)
        {
            output.Span.Fill(float.NaN);
        }

        runner.Run();

        foreach (var output in runner.Outputs)
        {
            Assert.All(output.Span.ToArray(), value => Assert.True(float.IsFinite(value), $"{output.Info.Name} holds {value}"));
        }
    }

    [Fact]
    public void Run_DetectorOnBlankFrame_BoxesAreNormalisedCornersAndScoresAreProbabilities()
    {
        using var session = OnnxTestEnvironment.OpenVerified("fr_detect");
        using var runner = session.CreateRunner();
        runner.Input("input").Span.Clear();

        runner.Run();

        var scores = runner.Output("scores").Span;
        for (var index = 0; index < scores.Length; index += 2)
        {
            Assert.InRange(scores[index] + scores[index + 1], 0.999f, 1.001f);
        }
        var boxes = runner.Output("boxes").Span;
        for (var index = 0; index < boxes.Length; index += 4)
        {
            Assert.True(boxes[index + 2] > boxes[index] && boxes[index + 3] > boxes[index + 1], $"box {index / 4} is not (x1, y1, x2, y2)");
        }
    }

    [Fact]
    public void Run_SameRunnerTwice_ReusesBuffersAndFollowsInput()
    {
        using var session = OnnxTestEnvironment.OpenVerified("fr_feature");
        using var runner = session.CreateRunner();
        var input = runner.Input("input");
        var output = runner.Output("output");

        FeatureInput.FillReferencePattern(input.Span);
        runner.Run();
        var first = output.Span.ToArray();
        FeatureInput.FillGradient(input.Span);
        runner.Run();
        var second = output.Span.ToArray();
        FeatureInput.FillReferencePattern(input.Span);
        runner.Run();
        var third = output.Span.ToArray();

        Assert.NotEqual(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public void Run_RuntimeDisposedFirst_SessionKeepsWorking()
    {
        var runtime = OnnxRuntime.Create(new OnnxRuntimeOptions());
        using var session = runtime.OpenSession(OnnxTestEnvironment.ModelPath("fr_eye"), new OnnxSessionOptions { IntraOpThreadCount = 1 });
        runtime.Dispose();
        using var runner = session.CreateRunner();
        runner.Input("input").Span.Fill(0.5f);
        runner.Output("output").Span.Fill(float.NaN);

        runner.Run();

        var output = runner.Output("output").Span;
        Assert.True(float.IsFinite(output[0]) && float.IsFinite(output[1]));
    }

    [Fact]
    public void Input_UnknownName_ThrowsListingTheModelsNames()
    {
        using var session = OnnxTestEnvironment.OpenVerified("fr_eye");
        using var runner = session.CreateRunner();

        var exception = Assert.Throws<ArgumentException>(() => runner.Input("image"));

        Assert.Contains("'image'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("input", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AfterDispose_ThrowsObjectDisposed()
    {
        using var session = OnnxTestEnvironment.OpenVerified("fr_eye");
        var runner = session.CreateRunner();
        var input = runner.Input("input");
        runner.Dispose();

        Assert.Throws<ObjectDisposedException>(runner.Run);
        Assert.Throws<ObjectDisposedException>(() => input.Span.Length);
    }

    [Fact]
    public void OpenSession_CorruptModelFile_ThrowsNamingFileWithRuntimeCodeAndMessage()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "corrupt.onnx");
        File.WriteAllBytes(path, [.. "this is not an ONNX model"u8, .. new byte[64]]);

        var exception = Assert.Throws<OnnxRuntimeException>(
            () => OnnxTestEnvironment.Runtime.OpenSession(path, new OnnxSessionOptions()));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(OnnxErrorCode.InvalidProtobuf, exception.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(exception.RuntimeMessage));
        Assert.Contains(exception.RuntimeMessage, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSession_TruncatedModelFile_ThrowsNamingFile()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "fr_eye.onnx");
        var bytes = File.ReadAllBytes(OnnxTestEnvironment.ModelPath("fr_eye"));
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var exception = Assert.Throws<OnnxRuntimeException>(
            () => OnnxTestEnvironment.Runtime.OpenSession(path, new OnnxSessionOptions()));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.NotEqual(OnnxErrorCode.Ok, exception.ErrorCode);
    }

    [Fact]
    public void OpenSession_TamperedModelWithPinnedSha256_ThrowsIntegrityErrorNamingFile()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "fr_eye.onnx");
        var bytes = File.ReadAllBytes(OnnxTestEnvironment.ModelPath("fr_eye"));
        bytes[^100] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var pinned = OnnxTestEnvironment.Manifest["fr_eye"].InstalledSha256;

        var exception = Assert.Throws<OnnxModelIntegrityException>(
            () => OnnxTestEnvironment.Runtime.OpenSession(path, new OnnxSessionOptions { ExpectedSha256 = pinned }));

        Assert.Equal(path, exception.ModelPath);
        Assert.Equal(pinned, exception.ExpectedSha256);
        Assert.NotEqual(pinned, exception.ActualSha256);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("sha256", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSession_MissingModelFile_ThrowsFileNotFoundNamingFile()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "missing.onnx");

        var exception = Assert.Throws<FileNotFoundException>(
            () => OnnxTestEnvironment.Runtime.OpenSession(path, new OnnxSessionOptions()));

        Assert.Equal(path, exception.FileName);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSession_InvalidOptions_ThrowsArgumentException()
    {
        var options = new OnnxSessionOptions { IntraOpThreadCount = 0 };

        var exception = Assert.Throws<ArgumentException>(
            () => OnnxTestEnvironment.Runtime.OpenSession(OnnxTestEnvironment.ModelPath("fr_eye"), options));

        Assert.Contains(nameof(OnnxSessionOptions.IntraOpThreadCount), exception.Message, StringComparison.Ordinal);
    }

    private static void AssertSameTensors(IReadOnlyList<OnnxTensorInfo> expected, IReadOnlyList<OnnxTensorInfo> actual)
    {
        Assert.Equal(expected.Select(tensor => tensor.ToString()), actual.Select(tensor => tensor.ToString()));
    }
}
