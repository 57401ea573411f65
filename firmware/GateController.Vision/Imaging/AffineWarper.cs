namespace GateController.Vision.Imaging;

/// <summary>
/// Affine warping with bilinear sampling and a constant border (OpenCV warpAffine semantics with
/// BORDER_CONSTANT). Used for face alignment, where outputs are small (112×112), so the kernel is scalar fixed
/// point: at that size the per-pixel address arithmetic, not the arithmetic width, dominates.
/// </summary>
public static class AffineWarper
{
    private const int WeightBits = 11;
    private const int WeightOne = 1 << WeightBits;

    /// <summary>
    /// Returns a new pooled image of <paramref name="width"/>×<paramref name="height"/> where each output pixel p
    /// takes the source at the inverse of <paramref name="sourceToTarget"/> applied to p.
    /// </summary>
    /// <exception cref="ArgumentException">The transform is singular or the format is not RGB24, BGR24 or Grey8.</exception>
    public static ImageBuffer Warp(ImageBuffer source, AffineTransform sourceToTarget, int width, int height, byte border = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = ImageBuffer.Rent(width, height, source.Format);
        try
        {
            WarpInto(source, sourceToTarget, target, border);
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>Warps <paramref name="source"/> into <paramref name="target"/> (same format).</summary>
    public static void WarpInto(ImageBuffer source, AffineTransform sourceToTarget, ImageBuffer target, byte border = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var channels = source.Format.ChannelCount();
        if (channels == 0 || target.Format != source.Format)
        {
            throw new ArgumentException($"warping needs RGB24, BGR24 or Grey8 in and the same format out, not {source.Format} to {target.Format}", nameof(target));
        }

        if (!sourceToTarget.TryInvert(out var inverse))
        {
            throw new ArgumentException("the transform is singular", nameof(sourceToTarget));
        }

        var src = source.Pixels;
        int srcWidth = source.Width, srcHeight = source.Height, stride = source.Stride;
        for (var y = 0; y < target.Height; y++)
        {
            var row = target.Row(y);
            var sx = (inverse.M12 * y) + inverse.M13;
            var sy = (inverse.M22 * y) + inverse.M23;
            for (var x = 0; x < target.Width; x++)
            {
                var fx = (inverse.M11 * x) + sx;
                var fy = (inverse.M21 * x) + sy;
                var output = row.Slice(x * channels, channels);
                if (!(fx > -1 && fy > -1 && fx < srcWidth && fy < srcHeight))
                {
                    output.Fill(border);
                    continue;
                }

                var x0 = (int)Math.Floor(fx);
                var y0 = (int)Math.Floor(fy);
                var wx = (int)((fx - x0) * WeightOne);
                var wy = (int)((fy - y0) * WeightOne);
                var w00 = (WeightOne - wx) * (WeightOne - wy);
                var w01 = wx * (WeightOne - wy);
                var w10 = (WeightOne - wx) * wy;
                var w11 = wx * wy;
                bool left = x0 >= 0, right = x0 + 1 < srcWidth, top = y0 >= 0, bottom = y0 + 1 < srcHeight;
                var o00 = (y0 * stride) + (x0 * channels);
                for (var c = 0; c < channels; c++)
                {
                    int p00 = top && left ? src[o00 + c] : border;
                    int p01 = top && right ? src[o00 + channels + c] : border;
                    int p10 = bottom && left ? src[o00 + stride + c] : border;
                    int p11 = bottom && right ? src[o00 + stride + channels + c] : border;
                    output[c] = (byte)(((p00 * w00) + (p01 * w01) + (p10 * w10) + (p11 * w11) + (1 << ((2 * WeightBits) - 1))) >> (2 * WeightBits));
                }
            }
        }
    }
}
