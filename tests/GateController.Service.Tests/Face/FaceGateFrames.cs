using GateController.Vision.Imaging;

namespace GateController.Service.Tests.Face;

/// <summary>
/// 640×480 camera frames cut from the demo photos fetched by models/fetch (22 faces of 22 different people), as JPEG
/// bytes, and the repository's models.
/// </summary>
internal static class FaceGateFrames
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Dictionary<(int, int, int), byte[]> Cache = [];

    public static string RepositoryRoot => Root.Value;

    public static string ModelDirectory => Path.Combine(RepositoryRoot, "artifacts", "models");

    public static string ManifestPath => Path.Combine(RepositoryRoot, "models", "manifest.json");

    /// <summary>sample3.jpg's woman on the left, alone in the frame.</summary>
    public static byte[] Resident => Crop(3, 368, 227);

    /// <summary>Another person (sample1.jpg, right), alone in the frame; passes the quality and liveness gates.</summary>
    public static byte[] Stranger => Crop(1, 1252, 80);

    /// <summary>A third person (sample1.jpg, middle), alone in the frame; passes the quality and liveness gates.</summary>
    public static byte[] Neighbour => Crop(1, 612, 300);

    /// <summary>A frame without anyone: a grey wall.</summary>
    public static byte[] Empty => Uniform(128);

    /// <summary>A 640×480 frame of one grey level.</summary>
    public static byte[] Uniform(byte level)
    {
        using var image = ImageBuffer.Rent(640, 480, ImagePixelFormat.Rgb24);
        image.Pixels.Fill(level);
        using var encoder = new JpegEncoder();
        return encoder.Encode(image, 90);
    }

    /// <summary>A 640×480 JPEG of sample<paramref name="photo"/>.jpg from (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public static byte[] Crop(int photo, int left, int top)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((photo, left, top), out var cached))
            {
                return cached;
            }

            using var decoder = new JpegDecoder();
            using var image = decoder.DecodeFile(Photo(photo), ImagePixelFormat.Rgb24);
            using var frame = AffineWarper.Warp(image, AffineTransform.CreateTranslation(-left, -top), 640, 480);
            using var encoder = new JpegEncoder();
            var jpeg = encoder.Encode(frame, 92);
            Cache[(photo, left, top)] = jpeg;
            return jpeg;
        }
    }

    public static string Photo(int number)
    {
        var path = Path.Combine(RepositoryRoot, "artifacts", "photos", $"sample{number}.jpg");
        Assert.True(File.Exists(path), $"{path} is missing: run models/fetch (firmware/scripts/bootstrap runs it)");
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GateController.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"GateController.sln not found above {AppContext.BaseDirectory}");
    }
}
