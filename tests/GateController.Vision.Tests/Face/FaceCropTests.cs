using GateController.Vision.Face;
using GateController.Vision.Imaging;
using GateController.Vision.Tests.Imaging;

namespace GateController.Vision.Tests.Face;

public sealed class FaceCropTests
{
    [Theory]
    // box (left, top, right, bottom), scale, frame → crop (left, top, width, height)
    [InlineData(100, 100, 200, 200, 1.0, 640, 480, 100, 100, 100, 100)]
    [InlineData(100, 100, 200, 200, 2.7, 640, 480, 15, 15, 270, 270)]
    [InlineData(0, 0, 100, 100, 2.7, 640, 480, 0, 0, 270, 270)]
    [InlineData(540, 380, 640, 480, 2.7, 640, 480, 369, 209, 270, 270)]
    [InlineData(200, 100, 400, 400, 2.7, 640, 480, 140.33, 0, 319.33, 479)]
    public void ScaledInside_Table_ScaledAboutCentreShiftedInsideFrame(
        float left, float top, float right, float bottom, float scale, int frameWidth, int frameHeight,
        float expectedLeft, float expectedTop, float expectedWidth, float expectedHeight)
    {
        var crop = FaceCrop.ScaledInside(new FaceBox(left, top, right, bottom, 1), scale, frameWidth, frameHeight);

        Assert.Equal(expectedLeft, crop.Left, 2);
        Assert.Equal(expectedTop, crop.Top, 2);
        Assert.Equal(expectedWidth, crop.Width, 2);
        Assert.Equal(expectedHeight, crop.Height, 2);
    }

    [Fact]
    public void Into_RegionOfGradient_MatchesResizeOfThatRegion()
    {
        using var frame = TestImages.Gradient(200, 100);
        using var region = AffineWarper.Warp(frame, AffineTransform.CreateTranslation(-40, -20), 80, 60);
        using var expected = ImageResizer.Resize(region, 32, 24);
        using var actual = ImageBuffer.Rent(32, 24, ImagePixelFormat.Rgb24);

        FaceCrop.Into(frame, 40, 20, 80, 60, actual);

        Assert.True(TestImages.MaximumAbsoluteDifference(expected, actual) <= 2);
    }

    [Fact]
    public void ToPlanar_Pixels_NormalisedPerChannelPlane()
    {
        using var image = TestImages.Uniform(2, 2, ImagePixelFormat.Rgb24, 255, 127, 0);
        var tensor = new float[12];

        FaceCrop.ToPlanar(image, tensor, 127f, 1f / 128f);

        Assert.Equal([1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f, -127f / 128, -127f / 128, -127f / 128, -127f / 128], tensor);
    }
}
