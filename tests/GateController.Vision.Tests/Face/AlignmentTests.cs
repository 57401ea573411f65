using System.Numerics;
using GateController.Vision.Face;
using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Face;

public sealed class AlignmentTests
{
    public static TheoryData<double, double, double, double> Similarities => new()
    {
        // scale, rotation (degrees), tx, ty
        { 1.0, 0, 0, 0 },
        { 2.5, 0, 100, 40 },
        { 0.6, 30, -20, 15 },
        { 3.1, -75, 300, 200 },
        { 1.2, 179, 10, 10 },
    };

    [Theory]
    [MemberData(nameof(Similarities))]
    public void TryEstimate_ExactSimilarity_RecoversItExactly(double scale, double degrees, double tx, double ty)
    {
        var truth = AffineTransform.CreateSimilarity(scale, degrees * Math.PI / 180, Vector2.Zero).Then(AffineTransform.CreateTranslation(tx, ty));
        var source = ArcFaceAlignment.Reference.ToArray();
        var target = source.Select(truth.Apply).ToArray();
        Assert.True(SimilarityTransformEstimator.TryEstimate(source, target, out var estimated));
        Assert.Equal(truth.M11, estimated.M11, 4);
        Assert.Equal(truth.M12, estimated.M12, 4);
        Assert.Equal(truth.M13, estimated.M13, 2);
        Assert.Equal(truth.M21, estimated.M21, 4);
        Assert.Equal(truth.M22, estimated.M22, 4);
        Assert.Equal(truth.M23, estimated.M23, 2);
        Assert.True(SimilarityTransformEstimator.RootMeanSquareError(source, target, estimated) < 1e-3);
    }

    [Fact]
    public void TryEstimate_NoisyPoints_IsLeastSquaresOptimum()
    {
        Vector2[] source = [new(0, 0), new(10, 0), new(0, 10), new(10, 10), new(5, 5)];
        Vector2[] target = [new(1, 0), new(12, 1), new(0, 11), new(10, 12), new(6, 5)];
        Assert.True(SimilarityTransformEstimator.TryEstimate(source, target, out var best));
        var bestError = SimilarityTransformEstimator.RootMeanSquareError(source, target, best);

        // Any perturbation of the four parameters does worse.
        foreach (var (da, db, dx, dy) in new[] { (0.01, 0.0, 0.0, 0.0), (-0.01, 0, 0, 0), (0, 0.01, 0, 0), (0, -0.01, 0, 0), (0, 0, 0.1, 0), (0, 0, 0, -0.1) })
        {
            var other = new AffineTransform(best.M11 + da, best.M12 - db, best.M13 + dx, best.M21 + db, best.M22 + da, best.M23 + dy);
            Assert.True(SimilarityTransformEstimator.RootMeanSquareError(source, target, other) > bestError);
        }
    }

    [Fact]
    public void TryEstimate_CoincidentPoints_ReturnsFalse()
    {
        Vector2[] same = [new(3, 3), new(3, 3), new(3, 3)];
        Assert.False(SimilarityTransformEstimator.TryEstimate(same, same, out _));
        Assert.Throws<ArgumentException>(() => SimilarityTransformEstimator.TryEstimate(same, same.AsSpan(0, 2), out _));
    }

    [Fact]
    public void FromSixtyEight_KnownLayout_EyeMeansNoseAndMouthCorners()
    {
        var points = new Vector2[68];
        for (var i = 0; i < 68; i++)
        {
            points[i] = new Vector2(i, 1000 + i);
        }

        var five = FivePointLandmarks.FromSixtyEight(points);
        Assert.Equal(new Vector2(38.5f, 1038.5f), five.LeftEye);
        Assert.Equal(new Vector2(44.5f, 1044.5f), five.RightEye);
        Assert.Equal(new Vector2(30, 1030), five.Nose);
        Assert.Equal(new Vector2(48, 1048), five.LeftMouth);
        Assert.Equal(new Vector2(54, 1054), five.RightMouth);
        Assert.Throws<ArgumentException>(() => FivePointLandmarks.FromSixtyEight(points.AsSpan(0, 67)));
    }

    [Fact]
    public void Align_FaceMarkedInLargeImage_PutsLandmarksOnReference()
    {
        // Draw bright dots at the reference points moved into a 400×300 image by a known similarity; the aligned
        // crop must show them back at the reference positions.
        var toImage = AffineTransform.CreateSimilarity(1.8, 0.35, Vector2.Zero).Then(AffineTransform.CreateTranslation(150, 20));
        var landmarks = ArcFaceAlignment.Reference.Transform(toImage);
        using var image = ImageBuffer.Rent(400, 300, ImagePixelFormat.Grey8);
        foreach (var p in landmarks.ToArray())
        {
            for (var dy = -3; dy <= 3; dy++)
            {
                for (var dx = -3; dx <= 3; dx++)
                {
                    image.Row((int)MathF.Round(p.Y) + dy)[(int)MathF.Round(p.X) + dx] = 255;
                }
            }
        }

        using var aligned = ArcFaceAlignment.Align(image, landmarks);
        Assert.Equal((112, 112), (aligned.Width, aligned.Height));
        foreach (var p in ArcFaceAlignment.Reference.ToArray())
        {
            Assert.True(aligned.Row((int)MathF.Round(p.Y))[(int)MathF.Round(p.X)] > 200, $"no dot at {p}");
        }

        Assert.Equal(0, aligned.Row(5)[5]);
    }
}
