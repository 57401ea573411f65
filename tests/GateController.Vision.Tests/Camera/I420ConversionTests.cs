using GateController.Vision.Camera;
using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Camera;

public sealed class I420ConversionTests
{
    [Theory]
    [InlineData(640, 480, 460800)]
    [InlineData(1280, 720, 1382400)]
    [InlineData(2, 2, 6)]
    [InlineData(4, 2, 12)]
    public void FrameBytes_Size_IsOneAndAHalfBytesPerPixel(int width, int height, int expected) =>
        Assert.Equal(expected, I420Conversion.FrameBytes(width, height));

    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(0, 2)]
    public void FrameBytes_OddOrEmptySize_Throws(int width, int height) =>
        Assert.Throws<ArgumentException>(() => I420Conversion.FrameBytes(width, height));

    [Fact]
    public void ToNv12_Planes_InterleavesUAndVAfterLuma()
    {
        // 4x2: 8 luma, then U (2x1) and V (2x1).
        byte[] i420 = [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 20, 21];

        using var image = I420Conversion.ToNv12(i420, 4, 2);

        Assert.Equal(ImagePixelFormat.Nv12, image.Format);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 11, 21], image.Pixels.ToArray());
    }

    [Fact]
    public void ToNv12_WrongLength_ThrowsNamingSizes()
    {
        var exception = Assert.Throws<ArgumentException>(() => I420Conversion.ToNv12(new byte[11], 4, 2));
        Assert.StartsWith("an I420 frame of 4x2 has 12 bytes, not 11", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImagePixelFormat.Rgb24)]
    [InlineData(ImagePixelFormat.Bgr24)]
    [InlineData(ImagePixelFormat.Grey8)]
    public void Convert_ToOtherFormats_MatchesNv12Conversion(ImagePixelFormat format)
    {
        var random = new Random(7);
        var i420 = new byte[I420Conversion.FrameBytes(8, 4)];
        random.NextBytes(i420);

        using var converted = I420Conversion.Convert(i420, 8, 4, format);
        using var nv12 = I420Conversion.ToNv12(i420, 8, 4);
        using var expected = ImageConverter.Convert(nv12, format);

        Assert.Equal(format, converted.Format);
        Assert.Equal(expected.Pixels.ToArray(), converted.Pixels.ToArray());
    }

    [Fact]
    public void Convert_GreyFrame_GivesGreyRgb()
    {
        var i420 = new byte[I420Conversion.FrameBytes(4, 2)];
        i420.AsSpan(0, 8).Fill(126);
        i420.AsSpan(8).Fill(128);

        using var rgb = I420Conversion.Convert(i420, 4, 2, ImagePixelFormat.Rgb24);

        Assert.All(rgb.Pixels.ToArray(), b => Assert.InRange(b, 127, 129));
    }
}
