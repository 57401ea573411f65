using GateController.Vision.Camera;
using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Camera;

public sealed class MotionDetectorTests
{
    public static TheoryData<ImagePixelFormat> Formats => new() { ImagePixelFormat.Rgb24, ImagePixelFormat.Bgr24, ImagePixelFormat.Grey8, ImagePixelFormat.Yuyv, ImagePixelFormat.Nv12 };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Update_FirstFrame_NoMotion(ImagePixelFormat format)
    {
        using var detector = new MotionDetector(new MotionDetectorOptions());
        using var frame = Frame(format, 640, 480, 100);

        Assert.False(detector.Update(frame));
        Assert.Equal(0, detector.LastChangedFraction);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Update_SamePictureAgain_NoMotion(ImagePixelFormat format)
    {
        using var detector = new MotionDetector(new MotionDetectorOptions());
        using var first = Frame(format, 640, 480, 100);
        using var second = Frame(format, 640, 480, 100);

        detector.Update(first);

        Assert.False(detector.Update(second));
        Assert.Equal(0, detector.LastChangedFraction);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Update_SomethingEntersTheLeftQuarter_Motion(ImagePixelFormat format)
    {
        using var detector = new MotionDetector(new MotionDetectorOptions());
        using var wall = Frame(format, 640, 480, 100);
        using var person = Frame(format, 640, 480, 100);
        Paint(person, 0, 160, 200);

        detector.Update(wall);

        Assert.True(detector.Update(person));
        Assert.InRange(detector.LastChangedFraction, 0.24, 0.26);
    }

    [Theory]
    [InlineData(100, 110, false)] // sensor noise or a slow light change: below the cell threshold
    [InlineData(100, 125, true)]
    [InlineData(100, 60, true)]
    public void Update_WholeFrameLevelChange_MotionOnlyAboveTheCellThreshold(byte before, byte after, bool expected)
    {
        using var detector = new MotionDetector(new MotionDetectorOptions { CellDifferenceThreshold = 20 });
        using var first = Frame(ImagePixelFormat.Grey8, 320, 240, before);
        using var second = Frame(ImagePixelFormat.Grey8, 320, 240, after);

        detector.Update(first);

        Assert.Equal(expected, detector.Update(second));
    }

    [Fact]
    public void Update_TinyChangeBelowTheFraction_NoMotion()
    {
        using var detector = new MotionDetector(new MotionDetectorOptions { ChangedCellFraction = 0.02 });
        using var wall = Frame(ImagePixelFormat.Grey8, 640, 480, 100);
        using var fly = Frame(ImagePixelFormat.Grey8, 640, 480, 100);
        Paint(fly, 0, 10, 250); // 10 of 640 columns: one column of cells in a 64-wide grid, 1.6 %

        detector.Update(wall);

        Assert.False(detector.Update(fly));
        Assert.InRange(detector.LastChangedFraction, 0.001, 0.019);
    }

    [Fact]
    public void Update_ResolutionChanges_NewReferenceNotMotion()
    {
        using var detector = new MotionDetector(new MotionDetectorOptions());
        using var large = Frame(ImagePixelFormat.Rgb24, 640, 480, 100);
        using var small = Frame(ImagePixelFormat.Rgb24, 320, 240, 10);
        using var smallAgain = Frame(ImagePixelFormat.Rgb24, 320, 240, 200);

        detector.Update(large);

        Assert.False(detector.Update(small));
        Assert.True(detector.Update(smallAgain));
    }

    [Fact]
    public void Reset_AfterAFrame_NextFrameIsTheReference()
    {
        using var detector = new MotionDetector(new MotionDetectorOptions());
        using var dark = Frame(ImagePixelFormat.Grey8, 64, 48, 10);
        using var bright = Frame(ImagePixelFormat.Grey8, 64, 48, 240);
        detector.Update(dark);

        detector.Reset();

        Assert.False(detector.Update(bright));
    }

    [Theory]
    [InlineData(2, 48, 20, 0.02, "GridWidth")]
    [InlineData(64, 1000, 20, 0.02, "GridHeight")]
    [InlineData(64, 48, 0, 0.02, "CellDifferenceThreshold")]
    [InlineData(64, 48, 20, 0.0, "ChangedCellFraction")]
    [InlineData(64, 48, 20, 1.5, "ChangedCellFraction")]
    public void Validate_OneBadSetting_OneProblemNamingIt(int width, int height, int threshold, double fraction, string setting)
    {
        var options = new MotionDetectorOptions { GridWidth = width, GridHeight = height, CellDifferenceThreshold = threshold, ChangedCellFraction = fraction };

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MotionDetector(options));
    }

    private static ImageBuffer Frame(ImagePixelFormat format, int width, int height, byte level)
    {
        var image = ImageBuffer.Rent(width, height, format);
        image.Pixels.Fill(level);
        return image;
    }

    /// <summary>Sets the luma (every byte of the row, which is luma for these tests) of columns [from, to) to a level.</summary>
    private static void Paint(ImageBuffer image, int from, int to, byte level)
    {
        var bytesPerPixel = image.Format switch
        {
            ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 => 3,
            ImagePixelFormat.Yuyv => 2,
            _ => 1,
        };
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).Slice(from * bytesPerPixel, (to - from) * bytesPerPixel).Fill(level);
        }
    }
}
