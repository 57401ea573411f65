using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Imaging;

public sealed class ImageResizerTests
{
    [Theory]
    [InlineData(ImagePixelFormat.Rgb24, 640, 480, 320, 240)]
    [InlineData(ImagePixelFormat.Rgb24, 640, 480, 320, 237)]
    [InlineData(ImagePixelFormat.Bgr24, 31, 17, 100, 45)]
    [InlineData(ImagePixelFormat.Grey8, 64, 64, 64, 64)]
    [InlineData(ImagePixelFormat.Grey8, 200, 150, 57, 13)]
    [InlineData(ImagePixelFormat.Grey8, 2, 2, 5, 7)]
    public void Resize_RandomImage_MatchesDoubleReferenceWithinOneLevel(ImagePixelFormat format, int width, int height, int toWidth, int toHeight)
    {
        using var source = TestImages.Random(width, height, format, seed: width + height);
        using var resized = ImageResizer.Resize(source, toWidth, toHeight);
        Assert.Equal((toWidth, toHeight, format), (resized.Width, resized.Height, resized.Format));
        Assert.True(ReferenceSampling.MaximumDifference(resized, ReferenceSampling.Resize(source, toWidth, toHeight)) <= 1.0);
    }

    [Fact]
    public void Resize_Uniform_StaysUniform()
    {
        using var source = TestImages.Uniform(37, 23, ImagePixelFormat.Rgb24, 10, 200, 99);
        using var resized = ImageResizer.Resize(source, 320, 240);
        for (var i = 0; i < resized.Length; i += 3)
        {
            Assert.Equal((10, 200, 99), (resized.Pixels[i], resized.Pixels[i + 1], resized.Pixels[i + 2]));
        }
    }

    [Fact]
    public void Resize_SameSize_IsIdentity()
    {
        using var source = TestImages.Random(48, 20, ImagePixelFormat.Rgb24, seed: 3);
        using var resized = ImageResizer.Resize(source, 48, 20);
        Assert.Equal(source.Pixels.ToArray(), resized.Pixels.ToArray());
    }

    [Fact]
    public void Resize_YuvFormat_ThrowsArgumentException()
    {
        using var source = ImageBuffer.Rent(8, 8, ImagePixelFormat.Yuyv);
        Assert.Throws<ArgumentException>(() => ImageResizer.Resize(source, 4, 4));
    }
}
