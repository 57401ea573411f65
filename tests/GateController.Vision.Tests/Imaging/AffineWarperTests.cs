using System.Numerics;
using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Imaging;

public sealed class AffineWarperTests
{
    public static TheoryData<double, double, double, double> Transforms => new()
    {
        // scale, rotation (degrees), translate x, translate y
        { 1.0, 0.0, 0.0, 0.0 },
        { 1.0, 0.0, 3.0, -2.0 },
        { 0.5, 12.0, 10.0, 5.0 },
        { 1.7, -33.0, -20.0, 4.5 },
        { 0.9, 90.0, 0.0, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Transforms))]
    public void Warp_RandomImage_MatchesDoubleReferenceWithinOneLevel(double scale, double degrees, double tx, double ty)
    {
        using var source = TestImages.Random(90, 70, ImagePixelFormat.Rgb24, seed: 5);
        var transform = AffineTransform.CreateSimilarity(scale, degrees * Math.PI / 180, new Vector2(45, 35))
            .Then(AffineTransform.CreateTranslation(tx, ty));
        using var warped = AffineWarper.Warp(source, transform, 112, 112, border: 7);
        Assert.True(ReferenceSampling.MaximumDifference(warped, ReferenceSampling.Warp(source, transform, 112, 112, 7)) <= 1.0);
    }

    [Fact]
    public void Warp_IntegerTranslation_ShiftsPixelsAndFillsBorder()
    {
        using var source = TestImages.Random(10, 8, ImagePixelFormat.Grey8, seed: 6);
        using var warped = AffineWarper.Warp(source, AffineTransform.CreateTranslation(3, 2), 10, 8, border: 200);
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                var expected = x >= 3 && y >= 2 ? source.Row(y - 2)[x - 3] : 200;
                Assert.Equal(expected, warped.Row(y)[x]);
            }
        }
    }

    [Fact]
    public void Warp_SingularTransform_ThrowsArgumentException()
    {
        using var source = TestImages.Random(4, 4, ImagePixelFormat.Grey8, seed: 1);
        Assert.Throws<ArgumentException>(() => AffineWarper.Warp(source, new AffineTransform(1, 2, 0, 2, 4, 0), 4, 4));
    }

    [Fact]
    public void AffineTransform_ThenInverse_IsIdentity()
    {
        var t = AffineTransform.CreateSimilarity(1.3, 0.4, new Vector2(5, 7)).Then(AffineTransform.CreateTranslation(2, -9));
        Assert.True(t.TryInvert(out var inverse));
        var p = new Vector2(13.5f, -4.25f);
        var back = inverse.Apply(t.Apply(p));
        Assert.Equal(p.X, back.X, 4);
        Assert.Equal(p.Y, back.Y, 4);
        Assert.Equal(1.3, t.Scale, 9);
    }
}
