using GateController.Vision.Imaging;

namespace GateController.Vision.Face;

/// <summary>Axis-aligned crops of a frame resampled into model inputs (OpenCV resize conventions).</summary>
internal static class FaceCrop
{
    /// <summary>
    /// The rectangle of <paramref name="box"/> scaled by <paramref name="scale"/> about its centre, the scale
    /// reduced so it fits the frame and the rectangle shifted to stay inside it (the package's crop rule).
    /// </summary>
    public static (float Left, float Top, float Width, float Height) ScaledInside(FaceBox box, float scale, int frameWidth, int frameHeight)
    {
        var width = Math.Max(box.Width, 1);
        var height = Math.Max(box.Height, 1);
        scale = Math.Min(scale, Math.Min((frameHeight - 1) / height, (frameWidth - 1) / width));
        var newWidth = width * scale;
        var newHeight = height * scale;
        var left = box.Left + (width / 2) - (newWidth / 2);
        var top = box.Top + (height / 2) - (newHeight / 2);
        left = Math.Clamp(left, 0, Math.Max(0, frameWidth - 1 - newWidth));
        top = Math.Clamp(top, 0, Math.Max(0, frameHeight - 1 - newHeight));
        return (left, top, newWidth, newHeight);
    }

    /// <summary>Resamples the rectangle into <paramref name="target"/> (bilinear, pixel-centre aligned).</summary>
    public static void Into(ImageBuffer frame, float left, float top, float width, float height, ImageBuffer target)
    {
        var scaleX = target.Width / (double)width;
        var scaleY = target.Height / (double)height;
        var transform = new AffineTransform(
            scaleX, 0, (0.5 * scaleX) - 0.5 - (scaleX * left),
            0, scaleY, (0.5 * scaleY) - 0.5 - (scaleY * top));
        AffineWarper.WarpInto(frame, transform, target);
    }

    /// <summary>Writes an interleaved 3-channel image as planar NCHW floats: (v − <paramref name="offset"/>) · <paramref name="factor"/>.</summary>
    public static void ToPlanar(ImageBuffer image, Span<float> tensor, float offset, float factor)
    {
        var pixels = image.Pixels;
        var plane = image.Width * image.Height;
        if (tensor.Length != plane * 3 || image.Format.ChannelCount() != 3)
        {
            throw new ArgumentException($"a 3-channel {image.Width}x{image.Height} image needs a tensor of {plane * 3} floats, not {tensor.Length}", nameof(tensor));
        }

        var red = tensor[..plane];
        var green = tensor.Slice(plane, plane);
        var blue = tensor.Slice(2 * plane, plane);
        for (int i = 0, p = 0; i < plane; i++, p += 3)
        {
            red[i] = (pixels[p] - offset) * factor;
            green[i] = (pixels[p + 1] - offset) * factor;
            blue[i] = (pixels[p + 2] - offset) * factor;
        }
    }
}
