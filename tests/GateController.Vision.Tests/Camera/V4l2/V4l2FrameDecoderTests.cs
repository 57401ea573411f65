using GateController.Vision.Camera;
using GateController.Vision.Camera.V4l2;
using GateController.Vision.Imaging;
using GateController.Vision.Interop;
using GateController.Vision.Tests.Imaging;

namespace GateController.Vision.Tests.Camera.V4l2;

public sealed class V4l2FrameDecoderTests
{
    [Fact]
    public void TryDecode_YuyvWithPaddedLines_CopiesRowsTightly()
    {
        using var decoder = new V4l2FrameDecoder(V4l2CapturePixelFormat.Yuyv, 4, 3, bytesPerLine: 10);
        var data = new byte[30];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)i;
        }

        Assert.True(decoder.TryDecode(data, 0, out var image, out _, out var problem), problem);
        using (image)
        {
            Assert.Equal(ImagePixelFormat.Yuyv, image.Format);
            Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 25, 26, 27], image.Pixels.ToArray());
        }
    }

    public static TheoryData<V4l2CapturePixelFormat, int, uint, CameraFrameRejection, string> YuyvRejections => new()
    {
        { V4l2CapturePixelFormat.Yuyv, 23, 0, CameraFrameRejection.ShortFrame, "YUYV frame of 23 bytes, 4x3 needs 24" },
        { V4l2CapturePixelFormat.Yuyv, 0, 0, CameraFrameRejection.ShortFrame, "YUYV frame of 0 bytes, 4x3 needs 24" },
        { V4l2CapturePixelFormat.Yuyv, 48, 0, CameraFrameRejection.ResolutionChanged, "YUYV frame of 48 bytes is larger than 4x3 (24 bytes)" },
        { V4l2CapturePixelFormat.Yuyv, 24, V4l2Native.BufferFlagError, CameraFrameRejection.DriverError, "the driver flagged the buffer as damaged" },
        { V4l2CapturePixelFormat.Mjpeg, 0, 0, CameraFrameRejection.ShortFrame, "empty MJPEG frame" },
        { V4l2CapturePixelFormat.Mjpeg, 100, 0, CameraFrameRejection.TruncatedFrame, "MJPEG frame of 100 bytes has no end-of-image marker" },
    };

    [Theory]
    [MemberData(nameof(YuyvRejections))]
    public void TryDecode_BadBuffer_RejectedWithReason(V4l2CapturePixelFormat format, int length, uint flags, CameraFrameRejection reason, string detail)
    {
        using var decoder = new V4l2FrameDecoder(format, 4, 3, bytesPerLine: 8);

        Assert.False(decoder.TryDecode(new byte[length], flags, out var image, out var rejection, out var problem));
        Assert.Null(image);
        Assert.Equal(reason, rejection);
        Assert.Equal(detail, problem);
    }

    [Theory]
    [InlineData(64, 48, 0, true, null)]
    [InlineData(64, 48, 16, true, null)]
    [InlineData(80, 48, 0, false, CameraFrameRejection.ResolutionChanged)]
    public void TryDecode_Mjpeg_DecodesOnlyTheNegotiatedSize(int jpegWidth, int jpegHeight, int zeroPadding, bool decodes, CameraFrameRejection? reason)
    {
        var jpeg = Encode(jpegWidth, jpegHeight);
        var frame = new byte[jpeg.Length + zeroPadding];
        jpeg.CopyTo(frame, 0);
        using var decoder = new V4l2FrameDecoder(V4l2CapturePixelFormat.Mjpeg, 64, 48, bytesPerLine: 0);

        var result = decoder.TryDecode(frame, 0, out var image, out var rejection, out var problem);

        using (image)
        {
            Assert.Equal(decodes, result);
            if (decodes)
            {
                Assert.Equal((64, 48, ImagePixelFormat.Rgb24), (image!.Width, image.Height, image.Format));
            }
            else
            {
                Assert.Equal(reason, rejection);
                Assert.Equal($"MJPEG frame is {jpegWidth}x{jpegHeight}, negotiated 64x48", problem);
            }
        }
    }

    [Fact]
    public void TryDecode_TruncatedMjpeg_DroppedAsTruncated()
    {
        var jpeg = Encode(64, 48);
        using var decoder = new V4l2FrameDecoder(V4l2CapturePixelFormat.Mjpeg, 64, 48, bytesPerLine: 0);

        Assert.False(decoder.TryDecode(jpeg.AsSpan(0, jpeg.Length * 2 / 3), 0, out _, out var rejection, out var problem));
        Assert.Equal(CameraFrameRejection.TruncatedFrame, rejection);
        Assert.Contains("no end-of-image marker", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_MjpegWithDamagedBodyButEndMarker_RejectedAsCorrupt()
    {
        var jpeg = Encode(64, 48);
        var damaged = jpeg[..(jpeg.Length / 2)].Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
        using var decoder = new V4l2FrameDecoder(V4l2CapturePixelFormat.Mjpeg, 64, 48, bytesPerLine: 0);

        Assert.False(decoder.TryDecode(damaged, 0, out _, out var rejection, out var problem));
        Assert.Equal(CameraFrameRejection.CorruptImage, rejection);
        Assert.StartsWith("MJPEG frame: corrupt", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, true)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9, 0, 0, 0 }, true)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD8 }, false)]
    [InlineData(new byte[] { 0xFF, 0xD9 }, false)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9, 0x12 }, false)]
    public void HasEndOfImage_Bytes_FindsMarkerBeforeZeroPadding(byte[] data, bool expected) =>
        Assert.Equal(expected, V4l2FrameDecoder.HasEndOfImage(data));

    private static byte[] Encode(int width, int height)
    {
        using var image = TestImages.Gradient(width, height);
        using var encoder = new JpegEncoder();
        return encoder.Encode(image, quality: 85);
    }
}
