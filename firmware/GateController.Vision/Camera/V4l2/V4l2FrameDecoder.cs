using System.Diagnostics.CodeAnalysis;
using GateController.Vision.Imaging;
using GateController.Vision.Interop;

namespace GateController.Vision.Camera.V4l2;

/// <summary>
/// Turns the bytes of one dequeued V4L2 buffer into a pooled image of the negotiated size, or says why not:
/// a driver error flag, a short YUYV frame, a truncated or corrupt MJPEG frame, or a frame of another size
/// (the camera changed resolution). Pure apart from libturbojpeg; one thread at a time.
/// </summary>
internal sealed class V4l2FrameDecoder : IDisposable
{
    private readonly JpegDecoder _jpeg = new();

    public V4l2FrameDecoder(V4l2CapturePixelFormat format, int width, int height, int bytesPerLine)
    {
        var problem = ImagePixelFormat.Yuyv.CheckDimensions(width, height);
        if (problem is not null)
        {
            _jpeg.Dispose();
            throw new ArgumentException(problem, nameof(width));
        }

        Format = format;
        Width = width;
        Height = height;
        BytesPerLine = format == V4l2CapturePixelFormat.Yuyv ? Math.Max(bytesPerLine, width * 2) : bytesPerLine;
    }

    public V4l2CapturePixelFormat Format { get; }

    public int Width { get; }

    public int Height { get; }

    public int BytesPerLine { get; }

    public bool TryDecode(
        ReadOnlySpan<byte> data,
        uint bufferFlags,
        [NotNullWhen(true)] out ImageBuffer? image,
        out CameraFrameRejection rejection,
        [NotNullWhen(false)] out string? problem)
    {
        image = null;
        rejection = default;
        if ((bufferFlags & V4l2Native.BufferFlagError) != 0)
        {
            return Reject(CameraFrameRejection.DriverError, "the driver flagged the buffer as damaged", out rejection, out problem);
        }

        return Format == V4l2CapturePixelFormat.Yuyv
            ? TryCopyYuyv(data, out image, out rejection, out problem)
            : TryDecodeMjpeg(data, out image, out rejection, out problem);
    }

    public void Dispose() => _jpeg.Dispose();

    /// <summary>Whether a motion-JPEG frame ends with its end-of-image marker (UVC pads with zeros after it).</summary>
    internal static bool HasEndOfImage(ReadOnlySpan<byte> data)
    {
        var end = data.TrimEnd((byte)0);
        return end.Length >= 4 && end[^2] == 0xFF && end[^1] == 0xD9;
    }

    private static bool Reject(CameraFrameRejection reason, string detail, out CameraFrameRejection rejection, out string problem)
    {
        rejection = reason;
        problem = detail;
        return false;
    }

    private bool TryCopyYuyv(ReadOnlySpan<byte> data, [NotNullWhen(true)] out ImageBuffer? image, out CameraFrameRejection rejection, [NotNullWhen(false)] out string? problem)
    {
        image = null;
        var rowBytes = Width * 2;
        var needed = ((long)BytesPerLine * (Height - 1)) + rowBytes;
        if (data.Length < needed)
        {
            return Reject(CameraFrameRejection.ShortFrame, $"YUYV frame of {data.Length} bytes, {Width}x{Height} needs {needed}", out rejection, out problem);
        }

        if (data.Length > (long)BytesPerLine * Height)
        {
            return Reject(
                CameraFrameRejection.ResolutionChanged,
                $"YUYV frame of {data.Length} bytes is larger than {Width}x{Height} ({(long)BytesPerLine * Height} bytes)",
                out rejection,
                out problem);
        }

        image = ImageBuffer.Rent(Width, Height, ImagePixelFormat.Yuyv);
        for (var y = 0; y < Height; y++)
        {
            data.Slice(y * BytesPerLine, rowBytes).CopyTo(image.Row(y));
        }

        rejection = default;
        problem = null;
        return true;
    }

    private bool TryDecodeMjpeg(ReadOnlySpan<byte> data, [NotNullWhen(true)] out ImageBuffer? image, out CameraFrameRejection rejection, [NotNullWhen(false)] out string? problem)
    {
        image = null;
        if (data.IsEmpty)
        {
            return Reject(CameraFrameRejection.ShortFrame, "empty MJPEG frame", out rejection, out problem);
        }

        if (!HasEndOfImage(data))
        {
            return Reject(CameraFrameRejection.TruncatedFrame, $"MJPEG frame of {data.Length} bytes has no end-of-image marker", out rejection, out problem);
        }

        if (!_jpeg.TryDecode(data, ImagePixelFormat.Rgb24, out var decoded, out var jpegProblem))
        {
            return Reject(CameraFrameRejection.CorruptImage, $"MJPEG frame: {jpegProblem}", out rejection, out problem);
        }

        if (decoded.Width != Width || decoded.Height != Height)
        {
            var size = $"{decoded.Width}x{decoded.Height}";
            decoded.Dispose();
            return Reject(CameraFrameRejection.ResolutionChanged, $"MJPEG frame is {size}, negotiated {Width}x{Height}", out rejection, out problem);
        }

        image = decoded;
        rejection = default;
        problem = null;
        return true;
    }
}
