using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Imaging;

public sealed class ImageBufferTests
{
    [Theory]
    [InlineData(ImagePixelFormat.Rgb24, 10, 4, 30, 120)]
    [InlineData(ImagePixelFormat.Bgr24, 3, 3, 9, 27)]
    [InlineData(ImagePixelFormat.Grey8, 7, 5, 7, 35)]
    [InlineData(ImagePixelFormat.Yuyv, 640, 480, 1280, 614_400)]
    [InlineData(ImagePixelFormat.Nv12, 640, 480, 640, 460_800)]
    public void Rent_Format_StrideAndLength(ImagePixelFormat format, int width, int height, int stride, int length)
    {
        using var image = ImageBuffer.Rent(width, height, format);
        Assert.Equal(stride, image.Stride);
        Assert.Equal(length, image.Length);
        Assert.Equal(length, image.Pixels.Length);
        Assert.All(image.Pixels.ToArray(), v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData(ImagePixelFormat.Rgb24, 0, 4)]
    [InlineData(ImagePixelFormat.Grey8, 4, -1)]
    [InlineData(ImagePixelFormat.Yuyv, 5, 4)]
    [InlineData(ImagePixelFormat.Nv12, 4, 5)]
    [InlineData(ImagePixelFormat.Grey8, 100_000, 100_000)]
    public void Rent_InvalidSize_ThrowsArgumentException(ImagePixelFormat format, int width, int height)
    {
        Assert.Throws<ArgumentException>(() => ImageBuffer.Rent(width, height, format));
    }

    [Fact]
    public void Dispose_FilledBuffer_ReturnsItClearedAndForbidsUse()
    {
        var image = ImageBuffer.Rent(64, 64, ImagePixelFormat.Rgb24);
        image.Pixels.Fill(0xAB);
        var array = image.UnderlyingArray!;
        image.Dispose();
        Assert.All(array, v => Assert.Equal(0, v));
        Assert.True(image.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => image.Pixels.Length);
        image.Dispose();
    }

    [Fact]
    public void Clone_CopiesPixelsIntoNewBuffer()
    {
        using var image = TestImages.Random(9, 9, ImagePixelFormat.Grey8, seed: 4);
        using var copy = image.Clone();
        Assert.Equal(image.Pixels.ToArray(), copy.Pixels.ToArray());
        copy.Pixels[0] ^= 0xFF;
        Assert.NotEqual(image.Pixels[0], copy.Pixels[0]);
    }
}
