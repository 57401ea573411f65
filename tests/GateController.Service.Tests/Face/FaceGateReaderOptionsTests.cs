using GateController.Service.Face;

namespace GateController.Service.Tests.Face;

public sealed class FaceGateReaderOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblem()
    {
        var options = new FaceGateReaderOptions { ReaderId = "front-camera" };

        Assert.Empty(options.Validate());
        Assert.Equal(FaceGateMode.Triggered, options.Mode);
    }

    public static TheoryData<Action<FaceGateReaderOptions>, string> OneBadSetting => new()
    {
        { o => o.ReaderId = " ", "ReaderId" },
        { o => o.Mode = (FaceGateMode)9, "Mode" },
        { o => o.TriggerWindow = TimeSpan.Zero, "TriggerWindow" },
        { o => o.TriggerWindow = TimeSpan.FromHours(1), "TriggerWindow" },
        { o => o.VerificationWindow = TimeSpan.FromSeconds(-1), "VerificationWindow" },
        { o => o.LeaveViewAfter = TimeSpan.Zero, "LeaveViewAfter" },
        { o => o.EnrollmentTimeout = TimeSpan.FromHours(1), "EnrollmentTimeout" },
        { o => o.LatencySampleCount = 2, "LatencySampleCount" },
        { o => o.Motion.GridWidth = 1, "Motion.GridWidth" },
    };

    [Theory]
    [MemberData(nameof(OneBadSetting))]
    public void Validate_OneBadSetting_OneProblemNamingIt(Action<FaceGateReaderOptions> change, string setting)
    {
        var options = new FaceGateReaderOptions { ReaderId = "front-camera" };
        change(options);

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadSettings_EveryProblem()
    {
        var options = new FaceGateReaderOptions { ReaderId = string.Empty, LeaveViewAfter = TimeSpan.Zero, LatencySampleCount = 0 };

        Assert.Equal(3, options.Validate().Count);
    }

    [Theory]
    [InlineData(new double[] { }, 0.5, null)]
    [InlineData(new double[] { 7 }, 0.95, 7.0)]
    [InlineData(new double[] { 3, 1, 2 }, 0.5, 2.0)]
    [InlineData(new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.5, 50.0)]
    [InlineData(new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.95, 100.0)]
    [InlineData(new double[] { 100, 90, 80, 70, 60, 50, 40, 30, 20, 10 }, 0.9, 90.0)]
    public void Percentile_Values_NearestRank(double[] values, double fraction, double? expected)
    {
        Assert.Equal(expected, FaceGateCounters.Percentile([.. values], fraction));
    }
}
