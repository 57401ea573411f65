namespace GateController.Vision.Imaging;

/// <summary>
/// Converts between pixel formats. YUV is BT.601 limited range (what USB cameras send); RGB to grey uses
/// the BT.601 luma weights (77, 150, 29)/256. Conversions between the two YUV formats go through RGB.
/// </summary>
public static class ImageConverter
{
    /// <summary>Returns a new pooled image holding <paramref name="source"/> in <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentException">The size of the source is not valid for the target format.</exception>
    public static ImageBuffer Convert(ImageBuffer source, ImagePixelFormat format)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problem = format.CheckDimensions(source.Width, source.Height);
        if (problem is not null)
        {
            throw new ArgumentException($"cannot convert {source.Format} to {format}: {problem}", nameof(format));
        }

        var target = ImageBuffer.Rent(source.Width, source.Height, format);
        try
        {
            ConvertInto(source, target);
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>Converts <paramref name="source"/> into <paramref name="target"/> of the same size.</summary>
    public static void ConvertInto(ImageBuffer source, ImageBuffer target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (source.Width != target.Width || source.Height != target.Height)
        {
            throw new ArgumentException(
                $"target {target.Width}x{target.Height} differs from source {source.Width}x{source.Height}", nameof(target));
        }

        var from = source.Format;
        var to = target.Format;
        if (from == to)
        {
            source.Pixels.CopyTo(target.Pixels);
            return;
        }

        if (from is ImagePixelFormat.Yuyv or ImagePixelFormat.Nv12 && to is ImagePixelFormat.Yuyv or ImagePixelFormat.Nv12)
        {
            using var rgb = Convert(source, ImagePixelFormat.Rgb24);
            ConvertInto(rgb, target);
            return;
        }

        int width = source.Width, height = source.Height;
        var src = source.Pixels;
        var dst = target.Pixels;
        switch (from, to)
        {
            case (ImagePixelFormat.Rgb24, ImagePixelFormat.Bgr24) or (ImagePixelFormat.Bgr24, ImagePixelFormat.Rgb24):
                PixelConversions.SwapRedBlue(src, dst);
                break;
            case (ImagePixelFormat.Rgb24, ImagePixelFormat.Grey8):
                PixelConversions.RgbToGrey(src, dst, redFirst: true);
                break;
            case (ImagePixelFormat.Bgr24, ImagePixelFormat.Grey8):
                PixelConversions.RgbToGrey(src, dst, redFirst: false);
                break;
            case (ImagePixelFormat.Grey8, ImagePixelFormat.Rgb24) or (ImagePixelFormat.Grey8, ImagePixelFormat.Bgr24):
                PixelConversions.GreyToRgb(src, dst);
                break;
            case (ImagePixelFormat.Yuyv, ImagePixelFormat.Rgb24):
                PixelConversions.YuyvToRgb(src, dst, redFirst: true);
                break;
            case (ImagePixelFormat.Yuyv, ImagePixelFormat.Bgr24):
                PixelConversions.YuyvToRgb(src, dst, redFirst: false);
                break;
            case (ImagePixelFormat.Nv12, ImagePixelFormat.Rgb24):
                PixelConversions.Nv12ToRgb(src, dst, width, height, redFirst: true);
                break;
            case (ImagePixelFormat.Nv12, ImagePixelFormat.Bgr24):
                PixelConversions.Nv12ToRgb(src, dst, width, height, redFirst: false);
                break;
            case (ImagePixelFormat.Yuyv, ImagePixelFormat.Grey8):
                PixelConversions.LumaToGrey(src, dst, step: 2);
                break;
            case (ImagePixelFormat.Nv12, ImagePixelFormat.Grey8):
                PixelConversions.LumaToGrey(src[..(width * height)], dst, step: 1);
                break;
            case (ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24, ImagePixelFormat.Yuyv):
                PixelConversions.RgbToYuyv(src, dst, redFirst: from == ImagePixelFormat.Rgb24);
                break;
            case (ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24, ImagePixelFormat.Nv12):
                PixelConversions.RgbToNv12(src, dst, width, height, redFirst: from == ImagePixelFormat.Rgb24);
                break;
            case (ImagePixelFormat.Grey8, ImagePixelFormat.Yuyv or ImagePixelFormat.Nv12):
                using (var rgb = Convert(source, ImagePixelFormat.Rgb24))
                {
                    ConvertInto(rgb, target);
                }

                break;
            default:
                throw new ArgumentException($"conversion from {from} to {to} is not supported", nameof(target));
        }
    }
}
