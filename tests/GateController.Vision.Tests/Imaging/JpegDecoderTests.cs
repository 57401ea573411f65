using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Imaging;

public sealed class JpegDecoderTests : IDisposable
{
    private readonly JpegDecoder _decoder = new();
    private readonly JpegEncoder _encoder = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("jpeg-tests").FullName;

    public void Dispose()
    {
        _decoder.Dispose();
        _encoder.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(ImagePixelFormat.Rgb24, 64, 48)]
    [InlineData(ImagePixelFormat.Bgr24, 33, 17)]
    [InlineData(ImagePixelFormat.Grey8, 640, 480)]
    public void TryDecode_EncodedGradient_RoundTripsClosely(ImagePixelFormat format, int width, int height)
    {
        using var original = TestImages.Gradient(width, height, format);
        var jpeg = _encoder.Encode(original, quality: 95);
        Assert.True(_decoder.TryDecode(jpeg, format, out var decoded, out var problem), problem);
        using (decoded)
        {
            Assert.Equal(width, decoded.Width);
            Assert.Equal(height, decoded.Height);
            Assert.Equal(format, decoded.Format);
            Assert.True(TestImages.MeanAbsoluteDifference(original, decoded) < 2.5);
        }
    }

    [Theory]
    [InlineData(255, 0, 0)]
    [InlineData(0, 200, 0)]
    [InlineData(20, 40, 230)]
    public void TryDecode_UniformColour_ChannelOrderFollowsFormat(byte r, byte g, byte b)
    {
        using var original = TestImages.Uniform(32, 32, ImagePixelFormat.Rgb24, r, g, b);
        var jpeg = _encoder.Encode(original, quality: 100);
        Assert.True(_decoder.TryDecode(jpeg, ImagePixelFormat.Bgr24, out var bgr, out _));
        using (bgr)
        {
            var pixel = bgr.Row(16).Slice(16 * 3, 3);
            Assert.InRange(pixel[0], b - 3, b + 3);
            Assert.InRange(pixel[1], g - 3, g + 3);
            Assert.InRange(pixel[2], r - 3, r + 3);
        }
    }

    [Fact]
    public void TryDecode_TruncatedJpeg_ReportsTruncation()
    {
        using var original = TestImages.Gradient(64, 64);
        var jpeg = _encoder.Encode(original, 90);
        Assert.False(_decoder.TryDecode(jpeg.AsSpan(0, jpeg.Length * 2 / 3), ImagePixelFormat.Rgb24, out var image, out var problem));
        Assert.Null(image);
        Assert.Contains("truncated", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_DamagedHeader_ReportsCorruptHeader()
    {
        using var original = TestImages.Gradient(64, 64);
        var jpeg = _encoder.Encode(original, 90);
        jpeg.AsSpan(4, 200).Fill(0x5A);
        Assert.False(_decoder.TryDecode(jpeg, ImagePixelFormat.Rgb24, out _, out var problem));
        Assert.Contains("corrupt", problem, StringComparison.Ordinal);
    }

    public static TheoryData<byte[], string> NotJpegs => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], "PNG" },
        { "GIF89a..."u8.ToArray(), "not a JPEG" },
        { [], "empty" },
        { [0xFF, 0xD8], "not a JPEG" },
    };

    [Theory]
    [MemberData(nameof(NotJpegs))]
    public void TryDecode_NotAJpeg_SaysWhat(byte[] data, string expected)
    {
        Assert.False(_decoder.TryDecode(data, ImagePixelFormat.Rgb24, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeFile_PngNamedJpg_ThrowsNamingFileAndProblem()
    {
        var path = Path.Combine(_directory, "photo.jpg");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        var error = Assert.Throws<InvalidDataException>(() => _decoder.DecodeFile(path, ImagePixelFormat.Rgb24));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("PNG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeFile_TruncatedFile_ThrowsNamingFile()
    {
        using var original = TestImages.Gradient(80, 60);
        var jpeg = _encoder.Encode(original, 90);
        var path = Path.Combine(_directory, "cut.jpg");
        File.WriteAllBytes(path, jpeg[..(jpeg.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => _decoder.DecodeFile(path, ImagePixelFormat.Rgb24));
        Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeFile_ValidFile_Decodes()
    {
        using var original = TestImages.Gradient(80, 60);
        var path = Path.Combine(_directory, "ok.jpg");
        File.WriteAllBytes(path, _encoder.Encode(original, 90));
        using var image = _decoder.DecodeFile(path, ImagePixelFormat.Rgb24);
        Assert.Equal((80, 60), (image.Width, image.Height));
    }

    [Fact]
    public void DecodeFile_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => _decoder.DecodeFile(Path.Combine(_directory, "absent.jpg"), ImagePixelFormat.Rgb24));
    }

    [Theory]
    [InlineData(ImagePixelFormat.Yuyv)]
    [InlineData(ImagePixelFormat.Nv12)]
    public void TryDecode_YuvTarget_ThrowsArgumentException(ImagePixelFormat format)
    {
        Assert.Throws<ArgumentException>(() => _decoder.TryDecode([0xFF, 0xD8, 0xFF, 0xE0], format, out _, out _));
    }

    [Fact]
    public void Encode_LowerQuality_SmallerFile()
    {
        using var original = TestImages.Random(96, 96, ImagePixelFormat.Rgb24, seed: 1);
        Assert.True(_encoder.Encode(original, 40).Length < _encoder.Encode(original, 95).Length);
    }
}
