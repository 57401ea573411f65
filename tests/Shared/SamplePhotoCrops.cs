using GateController.Vision.Imaging;

namespace GateController.TestSupport;

/// <summary>
/// Camera-sized JPEG frames cut from the demo photos with the imaging API (the samples are group photos; a crop shows
/// one face), and plain frames without anyone. Crops are cached: treat the returned bytes as read-only. Shared by the
/// test projects and the benchmarks (linked, not referenced; needs <see cref="RepositoryLayout"/>).
/// </summary>
internal static class SamplePhotoCrops
{
    /// <summary>The JPEG quality of a crop.</summary>
    public const int CropQuality = 92;

    private static readonly Dictionary<(int Photo, int Left, int Top, int Width, int Height), byte[]> Cache = [];

    /// <summary>
    /// The <paramref name="width"/>×<paramref name="height"/> region of sample<paramref name="photo"/>.jpg whose top-left
    /// corner is (<paramref name="left"/>, <paramref name="top"/>), as a JPEG.
    /// </summary>
    public static byte[] Crop(int photo, int left, int top, int width = 640, int height = 480)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((photo, left, top, width, height), out var cached))
            {
                return cached;
            }

            using var decoder = new JpegDecoder();
            using var image = decoder.DecodeFile(RepositoryLayout.Photo(photo), ImagePixelFormat.Rgb24);
            using var frame = AffineWarper.Warp(image, AffineTransform.CreateTranslation(-left, -top), width, height);
            using var encoder = new JpegEncoder();
            var jpeg = encoder.Encode(frame, CropQuality);
            Cache[(photo, left, top, width, height)] = jpeg;
            return jpeg;
        }
    }

    /// <summary>Writes <see cref="Crop"/>'s JPEG to <paramref name="directory"/>/<paramref name="name"/>.jpg and returns the path.</summary>
    public static string WriteCrop(string directory, string name, int photo, int left, int top, int width = 640, int height = 480)
    {
        var path = Path.Combine(directory, name + ".jpg");
        File.WriteAllBytes(path, Crop(photo, left, top, width, height));
        return path;
    }

    /// <summary>A 640×480 JPEG of one grey level (a wall: nobody in view).</summary>
    public static byte[] Uniform(byte level)
    {
        using var image = ImageBuffer.Rent(640, 480, ImagePixelFormat.Rgb24);
        image.Pixels.Fill(level);
        using var encoder = new JpegEncoder();
        return encoder.Encode(image, 90);
    }
}
