using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Imaging;

/// <summary>Straightforward double-precision bilinear sampling the fixed-point kernels are checked against.</summary>
internal static class ReferenceSampling
{
    public static double[] Resize(ImageBuffer source, int width, int height)
    {
        var channels = source.Format.ChannelCount();
        var output = new double[width * height * channels];
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Clamp(((y + 0.5) * source.Height / height) - 0.5, 0, source.Height - 1);
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Clamp(((x + 0.5) * source.Width / width) - 0.5, 0, source.Width - 1);
                for (var c = 0; c < channels; c++)
                {
                    output[(((y * width) + x) * channels) + c] = Sample(source, sx, sy, c, clampEdges: true, 0);
                }
            }
        }

        return output;
    }

    public static double[] Warp(ImageBuffer source, AffineTransform sourceToTarget, int width, int height, byte border)
    {
        Assert.True(sourceToTarget.TryInvert(out var inverse));
        var channels = source.Format.ChannelCount();
        var output = new double[width * height * channels];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sx = (inverse.M11 * x) + (inverse.M12 * y) + inverse.M13;
                var sy = (inverse.M21 * x) + (inverse.M22 * y) + inverse.M23;
                for (var c = 0; c < channels; c++)
                {
                    output[(((y * width) + x) * channels) + c] = Sample(source, sx, sy, c, clampEdges: false, border);
                }
            }
        }

        return output;
    }

    public static double MaximumDifference(ImageBuffer actual, double[] expected)
    {
        var pixels = actual.Pixels;
        var max = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            max = Math.Max(max, Math.Abs(pixels[i] - expected[i]));
        }

        return max;
    }

    private static double Sample(ImageBuffer source, double x, double y, int c, bool clampEdges, byte border)
    {
        if (!clampEdges && (x <= -1 || y <= -1 || x >= source.Width || y >= source.Height))
        {
            return border;
        }

        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        return (Pixel(x0, y0) * (1 - fx) * (1 - fy)) + (Pixel(x0 + 1, y0) * fx * (1 - fy)) +
            (Pixel(x0, y0 + 1) * (1 - fx) * fy) + (Pixel(x0 + 1, y0 + 1) * fx * fy);

        double Pixel(int px, int py)
        {
            if (clampEdges)
            {
                px = Math.Clamp(px, 0, source.Width - 1);
                py = Math.Clamp(py, 0, source.Height - 1);
            }
            else if (px < 0 || py < 0 || px >= source.Width || py >= source.Height)
            {
                return border;
            }

            return source.Row(py)[(px * source.Format.ChannelCount()) + c];
        }
    }
}
