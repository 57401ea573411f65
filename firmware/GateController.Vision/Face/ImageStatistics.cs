using GateController.Vision.Imaging;

namespace GateController.Vision.Face;

/// <summary>Sharpness and exposure measures of grey images for the face quality gate.</summary>
public static class ImageStatistics
{
    /// <summary>Levels at or below this count as dark.</summary>
    public const int DarkLevel = 15;

    /// <summary>Levels at or above this count as bright.</summary>
    public const int BrightLevel = 240;

    /// <summary>
    /// Variance of the 4-neighbour Laplacian (0 1 0 / 1 −4 1 / 0 1 0) over the interior pixels: low for a blurred
    /// image, high for a sharp one.
    /// </summary>
    /// <exception cref="ArgumentException">The image is not Grey8 or smaller than 3×3.</exception>
    public static double VarianceOfLaplacian(ImageBuffer grey)
    {
        CheckGrey(grey);
        if (grey.Width < 3 || grey.Height < 3)
        {
            throw new ArgumentException("the image must be at least 3×3", nameof(grey));
        }

        double sum = 0, squares = 0;
        var pixels = grey.Pixels;
        var stride = grey.Stride;
        for (var y = 1; y < grey.Height - 1; y++)
        {
            var row = y * stride;
            for (var x = 1; x < grey.Width - 1; x++)
            {
                var i = row + x;
                double laplacian = pixels[i - 1] + pixels[i + 1] + pixels[i - stride] + pixels[i + stride] - (4 * pixels[i]);
                sum += laplacian;
                squares += laplacian * laplacian;
            }
        }

        var n = (double)(grey.Width - 2) * (grey.Height - 2);
        var mean = sum / n;
        return Math.Max(0, (squares / n) - (mean * mean));
    }

    /// <summary>Mean level and the fractions of dark and clipped pixels.</summary>
    /// <exception cref="ArgumentException">The image is not Grey8.</exception>
    public static ExposureMeasure MeasureExposure(ImageBuffer grey)
    {
        CheckGrey(grey);
        long sum = 0, dark = 0, bright = 0;
        foreach (var v in grey.Pixels)
        {
            sum += v;
            dark += v <= DarkLevel ? 1 : 0;
            bright += v >= BrightLevel ? 1 : 0;
        }

        double n = grey.Length;
        return new ExposureMeasure(sum / n, dark / n, bright / n);
    }

    private static void CheckGrey(ImageBuffer image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Format != ImagePixelFormat.Grey8)
        {
            throw new ArgumentException($"a Grey8 image is needed, not {image.Format}", nameof(image));
        }
    }
}
