namespace GateController.Vision.Imaging;

/// <summary>Sizes and rules of each <see cref="ImagePixelFormat"/>.</summary>
public static class ImagePixelFormatExtensions
{
    /// <summary>Bytes of one row of <paramref name="width"/> pixels (the luma plane for NV12).</summary>
    public static int RowBytes(this ImagePixelFormat format, int width) => format switch
    {
        ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 => checked(width * 3),
        ImagePixelFormat.Grey8 or ImagePixelFormat.Nv12 => width,
        ImagePixelFormat.Yuyv => checked(width * 2),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown pixel format"),
    };

    /// <summary>Bytes of a whole tightly packed image.</summary>
    public static int ImageBytes(this ImagePixelFormat format, int width, int height) => format == ImagePixelFormat.Nv12
        ? checked(width * height + (width * (height / 2)))
        : checked(format.RowBytes(width) * height);

    /// <summary>Interleaved 8-bit channels per pixel for RGB, BGR and grey; 0 for the YUV formats.</summary>
    public static int ChannelCount(this ImagePixelFormat format) => format switch
    {
        ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 => 3,
        ImagePixelFormat.Grey8 => 1,
        _ => 0,
    };

    /// <summary>Returns the problem with these dimensions for this format, or null when they are valid.</summary>
    public static string? CheckDimensions(this ImagePixelFormat format, int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return $"image size {width}x{height} must be positive";
        }

        if ((long)width * height > ImageBuffer.MaximumPixelCount)
        {
            return $"image size {width}x{height} is more than {ImageBuffer.MaximumPixelCount} pixels";
        }

        if (format == ImagePixelFormat.Yuyv && width % 2 != 0)
        {
            return $"YUYV width {width} must be even";
        }

        if (format == ImagePixelFormat.Nv12 && (width % 2 != 0 || height % 2 != 0))
        {
            return $"NV12 size {width}x{height} must be even in both directions";
        }

        return null;
    }
}
