using GateController.Vision.Face;

namespace GateController.Vision.Tests.Face;

public sealed class NonMaximumSuppressionTests
{
    [Theory]
    [InlineData(0, 0, 10, 10, 0, 0, 10, 10, 1.0)]
    [InlineData(0, 0, 10, 10, 5, 0, 15, 10, 1.0 / 3)]
    [InlineData(0, 0, 10, 10, 10, 10, 20, 20, 0.0)]
    [InlineData(0, 0, 10, 10, 2, 2, 8, 8, 0.36)]
    public void IntersectionOverUnion_KnownBoxes(float l1, float t1, float r1, float b1, float l2, float t2, float r2, float b2, double expected)
    {
        var a = new FaceBox(l1, t1, r1, b1, 1);
        var b = new FaceBox(l2, t2, r2, b2, 1);
        Assert.Equal(expected, a.IntersectionOverUnion(b), 5);
        Assert.Equal(expected, b.IntersectionOverUnion(a), 5);
    }

    [Fact]
    public void Apply_OverlappingCluster_KeepsHighestScoreOfEach()
    {
        FaceBox[] boxes =
        [
            new(0, 0, 10, 10, 0.7f),
            new(1, 1, 11, 11, 0.9f),
            new(50, 50, 60, 60, 0.8f),
            new(51, 50, 61, 60, 0.85f),
            new(100, 0, 110, 10, 0.3f),
        ];
        var kept = NonMaximumSuppression.Apply(boxes, iouThreshold: 0.4f, minimumScore: 0.5f);
        Assert.Equal([boxes[1], boxes[3]], kept);
    }

    [Theory]
    [InlineData(0.2f, 1)]
    [InlineData(0.5f, 2)]
    public void Apply_Threshold_DecidesWhetherModerateOverlapSurvives(float threshold, int expectedCount)
    {
        // IoU of these two is 1/3.
        FaceBox[] boxes = [new(0, 0, 10, 10, 0.9f), new(5, 0, 15, 10, 0.8f)];
        Assert.Equal(expectedCount, NonMaximumSuppression.Apply(boxes, threshold).Count);
    }

    [Fact]
    public void Apply_EqualScores_KeepInputOrderAndRespectMaximumCount()
    {
        FaceBox[] boxes = [new(0, 0, 1, 1, 0.5f), new(5, 5, 6, 6, 0.5f), new(9, 9, 10, 10, 0.5f)];
        var kept = NonMaximumSuppression.Apply(boxes, 0.5f, maximumCount: 2);
        Assert.Equal([boxes[0], boxes[1]], kept);
    }

    [Fact]
    public void Apply_EmptyOrDegenerateBoxes_ReturnsNone()
    {
        Assert.Empty(NonMaximumSuppression.Apply([], 0.5f));
        Assert.Empty(NonMaximumSuppression.Apply([new FaceBox(5, 5, 5, 9, 0.9f)], 0.5f));
    }

    [Fact]
    public void Apply_InvalidThreshold_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NonMaximumSuppression.Apply([], 1.5f));
    }
}
