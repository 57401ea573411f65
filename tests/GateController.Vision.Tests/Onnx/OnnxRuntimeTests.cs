using GateController.Vision.Onnx;
using GateController.Vision.Onnx.Interop;

namespace GateController.Vision.Tests.Onnx;

public sealed class OnnxRuntimeTests
{
    [Fact]
    public void Create_DefaultOptions_LoadsOnnxRuntime1_30_0()
    {
        var runtime = OnnxTestEnvironment.Runtime;

        Assert.Equal("1.30.0", runtime.Version);
        Assert.Equal(OnnxRuntime.ExpectedVersion, runtime.Version);
        Assert.EndsWith("libonnxruntime.so.1", runtime.LibraryPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoPathOptionOrEnvironment_LoadsFromApplicationDirectory()
    {
        var runtime = OnnxTestEnvironment.Runtime;
        var fromEnvironment = Environment.GetEnvironmentVariable(OrtLibrary.EnvironmentVariable);

        var expected = string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.Combine(AppContext.BaseDirectory, OrtLibrary.FileName)
            : Path.GetFullPath(fromEnvironment);
        Assert.Equal(expected, runtime.LibraryPath);
    }

    [Fact]
    public void SelfCheck_LoadedLibrary_StatusRoundTripSucceeds()
    {
        _ = OnnxTestEnvironment.Runtime;

        var exception = Record.Exception(OnnxRuntime.SelfCheck);

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(OnnxErrorCode.Fail, "failure")]
    [InlineData(OnnxErrorCode.InvalidArgument, "bad argument")]
    [InlineData(OnnxErrorCode.NoSuchFile, "no such file: /nowhere")]
    [InlineData(OnnxErrorCode.InvalidProtobuf, "protobuf parsing failed")]
    [InlineData(OnnxErrorCode.ExecutionProviderFail, "EP failed ✓ utf-8")]
    public unsafe void Check_StatusCreatedByRuntime_ThrowsWithItsCodeAndMessage(OnnxErrorCode code, string message)
    {
        _ = OnnxTestEnvironment.Runtime;
        var bytes = System.Text.Encoding.UTF8.GetBytes(message + "\0");
        nint status;
        fixed (byte* pointer = bytes)
        {
            status = OrtApi.CreateStatus(code, pointer);
        }

        var exception = Assert.Throws<OnnxRuntimeException>(() => OrtApi.Check(status, "Doing something"));

        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(message, exception.RuntimeMessage);
        Assert.StartsWith("Doing something: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NullStatus_DoesNotThrow()
    {
        _ = OnnxTestEnvironment.Runtime;

        var exception = Record.Exception(() => OrtApi.Check(0, "Doing something"));

        Assert.Null(exception);
    }

    [Fact]
    public void Create_OtherLibraryPathAfterLoad_ThrowsNamingBothPaths()
    {
        _ = OnnxTestEnvironment.Runtime;
        var options = new OnnxRuntimeOptions { LibraryPath = "/nonexistent/libonnxruntime.so.1" };

        var exception = Assert.Throws<InvalidOperationException>(() => OnnxRuntime.Create(options));

        Assert.Contains("/nonexistent/libonnxruntime.so.1", exception.Message, StringComparison.Ordinal);
        Assert.Contains(OnnxTestEnvironment.Runtime.LibraryPath, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameLibraryPathAgain_SharesTheLoadedLibrary()
    {
        var first = OnnxTestEnvironment.Runtime;

        using var second = OnnxRuntime.Create(new OnnxRuntimeOptions { LibraryPath = first.LibraryPath });

        Assert.Equal(first.LibraryPath, second.LibraryPath);
        Assert.Equal("1.30.0", second.Version);
    }

    [Fact]
    public void Candidates_ExplicitPath_IsTheOnlyCandidate()
    {
        var candidates = OrtLibrary.Candidates("relative/libonnxruntime.so.1");

        Assert.Equal([Path.GetFullPath("relative/libonnxruntime.so.1")], candidates);
    }

    [Fact]
    public void Candidates_NoExplicitPath_StartsWithApplicationDirectory()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OrtLibrary.EnvironmentVariable)))
        {
            Assert.Single(OrtLibrary.Candidates(null));
            return;
        }

        var candidates = OrtLibrary.Candidates(null);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, OrtLibrary.FileName), candidates[0]);
        Assert.Contains(
            candidates,
            candidate => candidate.EndsWith(Path.Combine("artifacts", "native", "linux-x64", OrtLibrary.FileName), StringComparison.Ordinal)
                || candidate.EndsWith(Path.Combine("artifacts", "native", "linux-arm64", OrtLibrary.FileName), StringComparison.Ordinal));
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsNamingEverySetting()
    {
        var options = new OnnxRuntimeOptions { LibraryPath = " ", LogSeverity = (OnnxLogSeverity)42, LogId = "" };

        var exception = Assert.Throws<ArgumentException>(() => OnnxRuntime.Create(options));

        Assert.Contains(nameof(OnnxRuntimeOptions.LibraryPath), exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(OnnxRuntimeOptions.LogSeverity), exception.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(OnnxRuntimeOptions.LogId), exception.Message, StringComparison.Ordinal);
    }
}
