using GateController.Vision.Matching;

namespace GateController.Vision.Tests.Matching;

public sealed class MatchThresholdTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963985)]
    [InlineData(0.001, -3.090232306)]
    [InlineData(0.01, -2.326347874)]
    [InlineData(0.999999, 4.753424309)]
    [InlineData(1e-9, -5.997807015)]
    public void InverseStandardNormal_KnownQuantiles_Match(double probability, double expected)
    {
        Assert.Equal(expected, MatchThreshold.InverseStandardNormal(probability), 6);
    }

    [Theory]
    [InlineData(0.001, 1, 0.001)]
    [InlineData(0.001, 1000, 1e-6)]
    [InlineData(0.01, 50_000, 2e-7)]
    public void PerComparisonFalseAcceptRate_IsTargetOverGallerySize(double target, int gallery, double expected)
    {
        Assert.Equal(expected, MatchThreshold.PerComparisonFalseAcceptRate(target, gallery), 12);
    }

    [Fact]
    public void ForFalseAcceptRate_NormalModel_ThresholdAtQuantile()
    {
        var model = new ImpostorScoreModel(Mean: 0.05, StandardDeviation: 0.08, MaximumObserved: 0.3, SampleCount: 1000);
        // FAR₁ = 0.001 / 1000 = 1e-6 → z = 4.7534
        Assert.Equal(0.05 + (0.08 * 4.753424309), MatchThreshold.ForFalseAcceptRate(model, 0.001, 1000), 6);
    }

    [Fact]
    public void ForFalseAcceptRate_LargerGallery_RaisesThreshold()
    {
        var model = new ImpostorScoreModel(0.05, 0.08, 0.3, 1000);
        Assert.True(MatchThreshold.ForFalseAcceptRate(model, 0.001, 100_000) > MatchThreshold.ForFalseAcceptRate(model, 0.001, 100));
    }

    [Fact]
    public void ForFalseAcceptRate_HeavyObservedTail_NeverBelowMaximumObserved()
    {
        var model = new ImpostorScoreModel(0.0, 0.01, 0.6, 1000);
        Assert.True(MatchThreshold.ForFalseAcceptRate(model, 0.01, 10) > 0.6);
    }

    [Fact]
    public void FromScores_Samples_MeanDeviationAndMaximum()
    {
        var model = ImpostorScoreModel.FromScores([0.1, 0.2, 0.3, 0.4]);
        Assert.Equal(0.25, model.Mean, 12);
        Assert.Equal(Math.Sqrt(0.05 / 3), model.StandardDeviation, 12);
        Assert.Equal(0.4, model.MaximumObserved);
        Assert.Equal(4, model.SampleCount);
    }

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(1.0, 10)]
    [InlineData(0.01, 0)]
    public void PerComparisonFalseAcceptRate_InvalidArguments_Throw(double target, int gallery)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchThreshold.PerComparisonFalseAcceptRate(target, gallery));
    }
}
