using GateController.Core.Residents;
using GateController.Vision.Matching;
using static GateController.Vision.Tests.Matching.TemplateIndexExactnessTests;

namespace GateController.Vision.Tests.Matching;

public sealed class FaceMatcherTests
{
    private static readonly float[] Alice = Axis(0);
    private static readonly float[] Bob = Axis(1);

    [Theory]
    // probe = cos·Alice + sin·Bob at these weights: (alice weight, bob weight, outcome)
    [InlineData(1.0, 0.0, IdentificationOutcome.Identified)]
    [InlineData(0.8, 0.6, IdentificationOutcome.Identified)]
    [InlineData(0.7, 0.68, IdentificationOutcome.Ambiguous)]
    [InlineData(0.3, 0.2, IdentificationOutcome.NoMatch)]
    public void Identify_ProbeBetweenTwoResidents_DecidesByThresholdAndMargin(double alice, double bob, IdentificationOutcome expected)
    {
        using var index = new TemplateIndex();
        index.Add(Resident(1), new TemplateId(1), Alice);
        index.Add(Resident(2), new TemplateId(2), Bob);
        var matcher = new FaceMatcher(index, new FaceMatcherOptions { Threshold = 0.5, Margin = 0.1 });
        var probe = Mix(alice, bob, Math.Max(0, 1 - (alice * alice) - (bob * bob)));
        var result = matcher.Identify(probe);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == IdentificationOutcome.Identified ? Resident(1) : null, result.Resident);
        Assert.Equal(alice, result.BestScore, 3);
        Assert.Equal(bob, result.SecondBestScore, 3);
    }

    [Fact]
    public void Identify_EmptyGallery_ReportsEmpty()
    {
        using var index = new TemplateIndex();
        var result = new FaceMatcher(index, new FaceMatcherOptions()).Identify(Alice);
        Assert.Equal(IdentificationOutcome.EmptyGallery, result.Outcome);
        Assert.Null(result.Resident);
    }

    [Theory]
    [InlineData(1, 0.9, true)]
    [InlineData(1, 0.4, false)]
    [InlineData(2, 0.9, false)]
    public void Verify_ClaimedResident_AcceptsOnlyAboveThreshold(int claimed, double aliceWeight, bool accepted)
    {
        using var index = new TemplateIndex();
        index.Add(Resident(1), new TemplateId(1), Alice);
        index.Add(Resident(2), new TemplateId(2), Bob);
        var matcher = new FaceMatcher(index, new FaceMatcherOptions { Threshold = 0.5 });
        var result = matcher.Verify(Resident(claimed), Mix(aliceWeight, 0, Math.Sqrt(1 - (aliceWeight * aliceWeight))));
        Assert.Equal(accepted, result.Accepted);
        Assert.True(result.HasTemplates);
    }

    [Fact]
    public void Verify_ResidentWithoutTemplates_Rejected()
    {
        using var index = new TemplateIndex();
        var result = new FaceMatcher(index, new FaceMatcherOptions()).Verify(ResidentId.Parse("R9"), Alice);
        Assert.False(result.Accepted);
        Assert.False(result.HasTemplates);
        Assert.True(double.IsNaN(result.Score));
    }

    [Theory]
    [InlineData(1.0, 0.05, 1)]
    [InlineData(0.5, -0.1, 1)]
    [InlineData(double.NaN, 3, 2)]
    public void Options_Invalid_ReportsEachSetting(double threshold, double margin, int problems)
    {
        Assert.Equal(problems, new FaceMatcherOptions { Threshold = threshold, Margin = margin }.Validate().Count);
    }

    private static float[] Axis(int axis)
    {
        var v = new float[512];
        v[axis] = 1;
        return v;
    }

    private static float[] Mix(double alice, double bob, double rest)
    {
        var v = new float[512];
        v[0] = (float)alice;
        v[1] = (float)bob;
        v[2] = (float)Math.Sqrt(Math.Max(rest, 0));
        if (v.All(x => x == 0))
        {
            v[3] = 1;
        }

        return v;
    }
}
