using GateController.Vision.Face;

namespace GateController.Vision.Tests.Face;

public sealed class FacePipelineOptionsTests
{
    public static TheoryData<Action<FacePipelineOptions>, string> InvalidSettings => new()
    {
        { options => options.DetectionScoreThreshold = 0, "DetectionScoreThreshold" },
        { options => options.DetectionScoreThreshold = 1, "DetectionScoreThreshold" },
        { options => options.DetectionOverlapThreshold = 0, "DetectionOverlapThreshold" },
        { options => options.DetectionOverlapThreshold = 1.5f, "DetectionOverlapThreshold" },
        { options => options.MaximumFaceCount = 0, "MaximumFaceCount" },
        { options => options.LivenessThreshold = -0.1, "LivenessThreshold" },
        { options => options.LivenessThreshold = double.NaN, "LivenessThreshold" },
        { options => options.Liveness = (LivenessRequirement)7, "Liveness" },
        { options => options.IntraOpThreadCount = 0, "IntraOpThreadCount" },
        { options => options.Quality = new FaceQualityOptions { MaximumYawDegrees = 0 }, "Quality.MaximumYawDegrees" },
    };

    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(new FacePipelineOptions().Validate());

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_OneProblemNamingIt(Action<FacePipelineOptions> change, string setting)
    {
        var options = new FacePipelineOptions();
        change(options);

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
    }
}
