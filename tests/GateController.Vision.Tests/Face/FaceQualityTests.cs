using System.Numerics;
using GateController.Vision.Face;
using GateController.Vision.Imaging;
using GateController.Vision.Tests.Imaging;

namespace GateController.Vision.Tests.Face;

public sealed class FaceQualityTests
{
    [Fact]
    public void VarianceOfLaplacian_Uniform_IsZero()
    {
        using var image = TestImages.Uniform(20, 20, ImagePixelFormat.Grey8, 128);
        Assert.Equal(0, ImageStatistics.VarianceOfLaplacian(image));
    }

    [Fact]
    public void VarianceOfLaplacian_Checkerboard_KnownValue()
    {
        using var image = ImageBuffer.Rent(10, 10, ImagePixelFormat.Grey8);
        for (var y = 0; y < 10; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                image.Row(y)[x] = (byte)((x + y) % 2 == 0 ? 0 : 255);
            }
        }

        // Each interior Laplacian is ±1020 with mean 0.
        Assert.Equal(1020.0 * 1020, ImageStatistics.VarianceOfLaplacian(image), 6);
    }

    [Fact]
    public void VarianceOfLaplacian_BlurredCopy_IsLower()
    {
        using var sharp = TestImages.Random(112, 112, ImagePixelFormat.Grey8, seed: 8);
        using var small = ImageResizer.Resize(sharp, 28, 28);
        using var blurred = ImageResizer.Resize(small, 112, 112);
        Assert.True(ImageStatistics.VarianceOfLaplacian(blurred) < ImageStatistics.VarianceOfLaplacian(sharp) / 10);
    }

    [Theory]
    [InlineData(0, 0, 1, 0)]
    [InlineData(255, 255, 0, 1)]
    [InlineData(100, 100, 0, 0)]
    public void MeasureExposure_Uniform_MeanAndFractions(byte level, double mean, double dark, double bright)
    {
        using var image = TestImages.Uniform(8, 8, ImagePixelFormat.Grey8, level);
        Assert.Equal(new ExposureMeasure(mean, dark, bright), ImageStatistics.MeasureExposure(image));
    }

    [Fact]
    public void MeasureExposure_RgbImage_Throws()
    {
        using var image = ImageBuffer.Rent(4, 4, ImagePixelFormat.Rgb24);
        Assert.Throws<ArgumentException>(() => ImageStatistics.MeasureExposure(image));
    }

    public static TheoryData<string, FaceQualityRejection[]> Cases => new()
    {
        { "good", [] },
        { "small", [FaceQualityRejection.TooSmall] },
        { "turned", [FaceQualityRejection.TurnedAway] },
        { "tilted", [FaceQualityRejection.TiltedUpOrDown] },
        { "blurred", [FaceQualityRejection.Blurred] },
        { "dark", [FaceQualityRejection.TooDark] },
        { "bright", [FaceQualityRejection.TooBright] },
        { "small-turned-dark", [FaceQualityRejection.TooSmall, FaceQualityRejection.TurnedAway, FaceQualityRejection.TooDark] },
        { "degenerate", [FaceQualityRejection.BadLandmarks] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_Case_RejectsWithEveryReason(string name, FaceQualityRejection[] expected)
    {
        var gate = new FaceQualityGate(new FaceQualityOptions());
        var width = name.Contains("small", StringComparison.Ordinal) ? 40f : 150f;
        var yaw = name.Contains("turned", StringComparison.Ordinal) ? 45 : 5;
        var pitch = name == "tilted" ? -35 : 0;
        var landmarks = name == "degenerate"
            ? new FivePointLandmarks(Vector2.One, Vector2.One, Vector2.One, Vector2.One, Vector2.One)
            : HeadPoseEstimatorTests.Project(yaw, pitch, scale: 30, roll: 0, offset: new Vector2(200, 200));
        using var face = Face(name);
        var assessment = gate.Assess(new FaceBox(100, 100, 100 + width, 100 + (width * 1.2f), 0.99f), landmarks, face);
        Assert.Equal(expected, assessment.Rejections);
        Assert.Equal(expected.Length == 0, assessment.Accepted);
    }

    [Fact]
    public void Options_Invalid_ReportEverySetting()
    {
        var options = new FaceQualityOptions
        {
            MinimumFaceWidthPixels = 0,
            MaximumYawDegrees = 100,
            MaximumPitchDegrees = 0,
            MinimumSharpness = -1,
            MinimumMeanLevel = 300,
            MaximumMeanLevel = 10,
            MaximumBrightFraction = 2,
        };
        Assert.Equal(7, options.Validate().Count);
        Assert.Throws<ArgumentException>(() => new FaceQualityGate(options));
    }

    private static ImageBuffer Face(string name)
    {
        // A textured 112×112 RGB "face": random texture around a mid level, darker, brighter or blurred per case.
        var (low, high) = name switch
        {
            _ when name.Contains("dark", StringComparison.Ordinal) => (5, 40),
            "bright" => (225, 255),
            _ => (60, 200),
        };
        var random = new Random(name.Length);
        using var grey = ImageBuffer.Rent(112, 112, ImagePixelFormat.Grey8);
        for (var i = 0; i < grey.Length; i++)
        {
            grey.Pixels[i] = (byte)random.Next(low, high);
        }

        if (name == "blurred")
        {
            using var small = ImageResizer.Resize(grey, 14, 14);
            using var blurred = ImageResizer.Resize(small, 112, 112);
            return ImageConverter.Convert(blurred, ImagePixelFormat.Rgb24);
        }

        return ImageConverter.Convert(grey, ImagePixelFormat.Rgb24);
    }
}
