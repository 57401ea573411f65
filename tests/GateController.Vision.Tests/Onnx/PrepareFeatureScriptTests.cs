using System.Diagnostics;
using GateController.Vision.Onnx;

namespace GateController.Vision.Tests.Onnx;

/// <summary>models/prepare_feature.py, the prepare step models/fetch runs on fr_feature.onnx.</summary>
public sealed class PrepareFeatureScriptTests
{
    [Fact]
    public async Task Prepare_OriginalFeatureModel_ProducesThePinnedPreparedFile()
    {
        using var directory = new TemporaryDirectory();
        var destination = Path.Combine(directory.Path, "fr_feature.onnx");

        var (exitCode, output, error) = await RunAsync(OnnxTestEnvironment.OriginalModelPath("fr_feature"), destination);

        Assert.True(exitCode == 0, error);
        Assert.Equal("8938", output.Trim());
        Assert.Equal(OnnxTestEnvironment.Manifest["fr_feature"].PreparedSha256, OnnxModelFile.ComputeSha256(destination));
    }

    [Fact]
    public async Task Prepare_AlreadyPreparedModel_FlushesNothingAndKeepsBytes()
    {
        using var directory = new TemporaryDirectory();
        var destination = Path.Combine(directory.Path, "fr_feature.onnx");

        var (exitCode, output, error) = await RunAsync(OnnxTestEnvironment.ModelPath("fr_feature"), destination);

        Assert.True(exitCode == 0, error);
        Assert.Equal("0", output.Trim());
        Assert.Equal(File.ReadAllBytes(OnnxTestEnvironment.ModelPath("fr_feature")), File.ReadAllBytes(destination));
    }

    [Fact]
    public async Task Prepare_NotAModel_FailsNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        var source = Path.Combine(directory.Path, "garbage.onnx");
        File.WriteAllBytes(source, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

        var (exitCode, _, error) = await RunAsync(source, Path.Combine(directory.Path, "out.onnx"));

        Assert.Equal(1, exitCode);
        Assert.Contains(source, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "out.onnx")));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string source, string destination)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(OnnxTestEnvironment.RepositoryRoot, "models", "prepare_feature.py"));
        start.ArgumentList.Add(source);
        start.ArgumentList.Add(destination);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
