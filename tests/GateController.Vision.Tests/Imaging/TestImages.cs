using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Imaging;

internal static class TestImages
{
    /// <summary>A smooth colour gradient (JPEG-friendly).</summary>
    public static ImageBuffer Gradient(int width, int height, ImagePixelFormat format = ImagePixelFormat.Rgb24)
    {
        var image = ImageBuffer.Rent(width, height, format);
        var channels = format.ChannelCount();
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    row[(x * channels) + c] = (byte)(((x * 120) / Math.Max(1, width - 1)) + ((y * 100) / Math.Max(1, height - 1)) + (c * 15));
                }
            }
        }

        return image;
    }

    public static ImageBuffer Uniform(int width, int height, ImagePixelFormat format, params byte[] pixel)
    {
        var image = ImageBuffer.Rent(width, height, format);
        var span = image.Pixels;
        for (var i = 0; i < span.Length; i += pixel.Length)
        {
            pixel.CopyTo(span[i..]);
        }

        return image;
    }

    public static ImageBuffer Random(int width, int height, ImagePixelFormat format, int seed)
    {
        var image = ImageBuffer.Rent(width, height, format);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    public static double MeanAbsoluteDifference(ImageBuffer a, ImageBuffer b)
    {
        var x = a.Pixels;
        var y = b.Pixels;
        long sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += Math.Abs(x[i] - y[i]);
        }

        return (double)sum / x.Length;
    }

    public static int MaximumAbsoluteDifference(ImageBuffer a, ImageBuffer b)
    {
        var x = a.Pixels;
        var y = b.Pixels;
        var max = 0;
        for (var i = 0; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i] - y[i]));
        }

        return max;
    }
}
