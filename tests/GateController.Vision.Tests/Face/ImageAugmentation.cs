using System.Numerics;
using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Face;

/// <summary>Photometric and geometric changes applied to probe images in the accuracy measurement.</summary>
internal static class ImageAugmentation
{
    /// <summary>Every pixel value multiplied by <paramref name="factor"/>, clamped to 0–255.</summary>
    public static ImageBuffer Brightness(ImageBuffer image, double factor)
    {
        var result = image.Clone();
        var pixels = result.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp((int)Math.Round(pixels[i] * factor), 0, 255);
        }

        return result;
    }

    /// <summary>
    /// The map that scales by <paramref name="scale"/> and rotates by <paramref name="angleDegrees"/> (clockwise on
    /// screen) about the image centre, then shifts by the given fractions of the width and height.
    /// </summary>
    public static AffineTransform Geometry(ImageBuffer image, double scale, double angleDegrees, double shiftX, double shiftY)
    {
        var centre = new Vector2((image.Width - 1) / 2f, (image.Height - 1) / 2f);
        return AffineTransform.CreateSimilarity(scale, angleDegrees * Math.PI / 180, centre)
            .Then(AffineTransform.CreateTranslation(shiftX * image.Width, shiftY * image.Height));
    }

    /// <summary>The image moved by <paramref name="transform"/> into a frame of the same size (black border).</summary>
    public static ImageBuffer Warp(ImageBuffer image, AffineTransform transform) =>
        AffineWarper.Warp(image, transform, image.Width, image.Height);

    /// <summary>The image after a JPEG round trip at <paramref name="quality"/>.</summary>
    public static ImageBuffer JpegRoundTrip(ImageBuffer image, int quality)
    {
        using var encoder = new JpegEncoder();
        using var decoder = new JpegDecoder();
        var bytes = encoder.Encode(image, quality);
        try
        {
            Assert.True(decoder.TryDecode(bytes, image.Format, out var decoded, out var problem), problem);
            return decoded;
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>Separable Gaussian blur of standard deviation <paramref name="sigma"/> pixels (edges clamped).</summary>
    public static ImageBuffer GaussianBlur(ImageBuffer image, double sigma)
    {
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[(2 * radius) + 1];
        var sum = 0.0;
        for (var i = -radius; i <= radius; i++)
        {
            kernel[i + radius] = Math.Exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= sum;
        }

        var channels = image.Format.ChannelCount();
        int width = image.Width, height = image.Height;
        var temporary = new double[width * height * channels];
        var source = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var value = 0.0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        value += kernel[k + radius] * source[(((y * width) + Math.Clamp(x + k, 0, width - 1)) * channels) + c];
                    }

                    temporary[(((y * width) + x) * channels) + c] = value;
                }
            }
        }

        var result = ImageBuffer.Rent(width, height, image.Format);
        var target = result.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var value = 0.0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        value += kernel[k + radius] * temporary[(((Math.Clamp(y + k, 0, height - 1) * width) + x) * channels) + c];
                    }

                    target[(((y * width) + x) * channels) + c] = (byte)Math.Clamp((int)Math.Round(value), 0, 255);
                }
            }
        }

        return result;
    }
}
