using GateController.Vision.Onnx;

namespace GateController.Vision.Tests.Onnx;

public sealed class OnnxSessionOptionsTests
{
    public static TheoryData<int, OnnxGraphOptimizationLevel, string?, string[]> Cases => new()
    {
        { 2, OnnxGraphOptimizationLevel.All, null, [] },
        { 1, OnnxGraphOptimizationLevel.Disabled, new string('a', 64), [] },
        { 64, OnnxGraphOptimizationLevel.Extended, new string('F', 64), [] },
        { 0, OnnxGraphOptimizationLevel.All, null, ["IntraOpThreadCount"] },
        { 65, OnnxGraphOptimizationLevel.All, null, ["IntraOpThreadCount"] },
        { 2, (OnnxGraphOptimizationLevel)3, null, ["GraphOptimizationLevel"] },
        { 2, OnnxGraphOptimizationLevel.All, "abc", ["ExpectedSha256"] },
        { 2, OnnxGraphOptimizationLevel.All, new string('g', 64), ["ExpectedSha256"] },
        { -1, (OnnxGraphOptimizationLevel)7, "xyz", ["IntraOpThreadCount", "GraphOptimizationLevel", "ExpectedSha256"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Settings_ReportsOneProblemPerInvalidSetting(
        int intraOpThreadCount, OnnxGraphOptimizationLevel level, string? sha256, string[] expectedSettings)
    {
        var options = new OnnxSessionOptions
        {
            IntraOpThreadCount = intraOpThreadCount,
            GraphOptimizationLevel = level,
            ExpectedSha256 = sha256,
        };

        var problems = options.Validate();

        Assert.Equal(expectedSettings.Length, problems.Count);
        for (var index = 0; index < expectedSettings.Length; index++)
        {
            Assert.StartsWith(expectedSettings[index], problems[index], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defaults_TwoThreadsFullOptimisationNoSpinning()
    {
        var options = new OnnxSessionOptions();

        Assert.Equal(2, options.IntraOpThreadCount);
        Assert.Equal(OnnxGraphOptimizationLevel.All, options.GraphOptimizationLevel);
        Assert.False(options.AllowSpinning);
        Assert.Empty(options.Validate());
    }
}
