using GateController.Service.Face;
using GateController.Storage;
using GateController.Vision.Imaging;

namespace GateController.Cli.Tests.Face;

/// <summary>The real models and demo photos fetched by models/fetch, and probes cut from them.</summary>
internal static class FaceTestPhotos
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string ModelDirectory => Path.Combine(RepositoryRoot, "artifacts", "models");

    public static string ManifestPath => Path.Combine(RepositoryRoot, "models", "manifest.json");

    /// <summary>sample1.jpg … sample6.jpg of @vladmandic/face-api; fails clearly when models/fetch has not run.</summary>
    public static string Photo(int number)
    {
        var path = Path.Combine(RepositoryRoot, "artifacts", "photos", $"sample{number}.jpg");
        Assert.True(File.Exists(path), $"{path} is missing: run models/fetch (firmware/scripts/bootstrap runs it)");
        return path;
    }

    /// <summary>Opens the face component over the real models, as gatecontrollerd does.</summary>
    public static FaceRecognition OpenRecognition(GateStore store) =>
        FaceRecognition.Open(new FaceRecognitionOptions { ModelDirectory = ModelDirectory, ManifestPath = ManifestPath }, store);

    /// <summary>
    /// Writes a 640×480 JPEG of sample3.jpg showing one face only (the woman on the left) into
    /// <paramref name="directory"/>, cut with the imaging API and re-encoded.
    /// </summary>
    public static string WriteSingleFacePhoto(string directory)
    {
        using var decoder = new JpegDecoder();
        using var photo = decoder.DecodeFile(Photo(3), ImagePixelFormat.Rgb24);
        using var frame = AffineWarper.Warp(photo, AffineTransform.CreateTranslation(-368, -227), 640, 480);
        using var encoder = new JpegEncoder();
        var path = Path.Combine(directory, "one-face.jpg");
        File.WriteAllBytes(path, encoder.Encode(frame, 92));
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
