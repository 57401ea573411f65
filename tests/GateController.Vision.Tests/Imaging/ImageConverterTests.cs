using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Imaging;

public sealed class ImageConverterTests
{
    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(255, 255, 255, 255)]
    [InlineData(255, 0, 0, 77)]
    [InlineData(0, 255, 0, 149)]
    [InlineData(0, 0, 255, 29)]
    [InlineData(100, 150, 200, 141)]
    public void Convert_RgbToGrey_Bt601Weights(byte r, byte g, byte b, byte grey)
    {
        using var rgb = TestImages.Uniform(3, 2, ImagePixelFormat.Rgb24, r, g, b);
        using var bgr = TestImages.Uniform(3, 2, ImagePixelFormat.Bgr24, b, g, r);
        using var fromRgb = ImageConverter.Convert(rgb, ImagePixelFormat.Grey8);
        using var fromBgr = ImageConverter.Convert(bgr, ImagePixelFormat.Grey8);
        Assert.All(fromRgb.Pixels.ToArray(), v => Assert.Equal(grey, v));
        Assert.All(fromBgr.Pixels.ToArray(), v => Assert.Equal(grey, v));
    }

    [Fact]
    public void Convert_RgbToBgrAndBack_IsExact()
    {
        using var rgb = TestImages.Random(7, 5, ImagePixelFormat.Rgb24, seed: 2);
        using var bgr = ImageConverter.Convert(rgb, ImagePixelFormat.Bgr24);
        Assert.Equal(rgb.Pixels[0], bgr.Pixels[2]);
        Assert.Equal(rgb.Pixels[2], bgr.Pixels[0]);
        using var back = ImageConverter.Convert(bgr, ImagePixelFormat.Rgb24);
        Assert.Equal(rgb.Pixels.ToArray(), back.Pixels.ToArray());
    }

    [Theory]
    // Y, U, V (BT.601 limited range) → R, G, B
    [InlineData(16, 128, 128, 0, 0, 0)]
    [InlineData(235, 128, 128, 255, 255, 255)]
    [InlineData(126, 128, 128, 128, 128, 128)]
    [InlineData(81, 90, 240, 255, 0, 0)]
    [InlineData(145, 54, 34, 0, 255, 0)]
    [InlineData(41, 240, 110, 0, 0, 255)]
    public void Convert_YuyvAndNv12ToRgb_KnownColours(byte y, byte u, byte v, int r, int g, int b)
    {
        using var yuyv = TestImages.Uniform(4, 2, ImagePixelFormat.Yuyv, y, u, y, v);
        using var nv12 = ImageBuffer.Rent(4, 2, ImagePixelFormat.Nv12);
        nv12.Pixels[..8].Fill(y);
        for (var i = 8; i < 12; i += 2)
        {
            nv12.Pixels[i] = u;
            nv12.Pixels[i + 1] = v;
        }

        foreach (var source in new[] { yuyv, nv12 })
        {
            using var rgb = ImageConverter.Convert(source, ImagePixelFormat.Rgb24);
            for (var p = 0; p < 8; p++)
            {
                Assert.InRange(rgb.Pixels[p * 3], r - 2, r + 2);
                Assert.InRange(rgb.Pixels[(p * 3) + 1], g - 2, g + 2);
                Assert.InRange(rgb.Pixels[(p * 3) + 2], b - 2, b + 2);
            }
        }
    }

    [Theory]
    [InlineData(ImagePixelFormat.Yuyv)]
    [InlineData(ImagePixelFormat.Nv12)]
    public void Convert_BlockyRgbThroughYuv_RoundTripsWithinThreeLevels(ImagePixelFormat yuv)
    {
        // 2×2 blocks of one colour survive 4:2:0 and 4:2:2 chroma subsampling.
        using var rgb = ImageBuffer.Rent(16, 8, ImagePixelFormat.Rgb24);
        var random = new Random(9);
        for (var by = 0; by < 8; by += 2)
        {
            for (var bx = 0; bx < 16; bx += 2)
            {
                byte r = (byte)random.Next(20, 236), g = (byte)random.Next(20, 236), b = (byte)random.Next(20, 236);
                for (var dy = 0; dy < 2; dy++)
                {
                    for (var dx = 0; dx < 2; dx++)
                    {
                        var o = ((by + dy) * rgb.Stride) + ((bx + dx) * 3);
                        (rgb.Pixels[o], rgb.Pixels[o + 1], rgb.Pixels[o + 2]) = (r, g, b);
                    }
                }
            }
        }

        using var converted = ImageConverter.Convert(rgb, yuv);
        using var back = ImageConverter.Convert(converted, ImagePixelFormat.Rgb24);
        Assert.True(TestImages.MaximumAbsoluteDifference(rgb, back) <= 3);
    }

    [Fact]
    public void Convert_Nv12ToYuyv_PreservesLuma()
    {
        using var rgb = TestImages.Gradient(8, 4);
        using var nv12 = ImageConverter.Convert(rgb, ImagePixelFormat.Nv12);
        using var yuyv = ImageConverter.Convert(nv12, ImagePixelFormat.Yuyv);
        for (var i = 0; i < 32; i++)
        {
            Assert.InRange(yuyv.Pixels[i * 2], nv12.Pixels[i] - 1, nv12.Pixels[i] + 1);
        }
    }

    [Fact]
    public void Convert_LumaToGrey_SimdMatchesScalarForEveryLevel()
    {
        // 256 × 1 NV12 image: one of each luma value; the SIMD path handles 16 at a time, the tail is scalar.
        using var nv12 = ImageBuffer.Rent(258, 2, ImagePixelFormat.Nv12);
        for (var i = 0; i < 516; i++)
        {
            nv12.Pixels[i] = (byte)(i % 256);
        }

        using var grey = ImageConverter.Convert(nv12, ImagePixelFormat.Grey8);
        for (var i = 0; i < 516; i++)
        {
            var y = i % 256;
            var expected = Math.Clamp((((y - 16) * 298) + 128) >> 8, 0, 255);
            Assert.Equal(expected, grey.Pixels[i]);
        }
    }

    [Fact]
    public void Convert_YuyvToGrey_TakesLuma()
    {
        using var yuyv = TestImages.Uniform(4, 1, ImagePixelFormat.Yuyv, 235, 30, 16, 200);
        using var grey = ImageConverter.Convert(yuyv, ImagePixelFormat.Grey8);
        Assert.Equal(new byte[] { 255, 0, 255, 0 }, grey.Pixels.ToArray());
    }

    [Fact]
    public void Convert_GreyToRgb_ReplicatesChannels()
    {
        using var grey = TestImages.Uniform(2, 2, ImagePixelFormat.Grey8, 77);
        using var rgb = ImageConverter.Convert(grey, ImagePixelFormat.Rgb24);
        Assert.All(rgb.Pixels.ToArray(), v => Assert.Equal(77, v));
    }

    [Fact]
    public void Convert_OddWidthToYuyv_ThrowsArgumentException()
    {
        using var rgb = TestImages.Gradient(5, 4);
        Assert.Throws<ArgumentException>(() => ImageConverter.Convert(rgb, ImagePixelFormat.Yuyv));
    }
}
