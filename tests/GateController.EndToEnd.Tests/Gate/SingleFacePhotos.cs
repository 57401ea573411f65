using GateController.Vision.Imaging;

namespace GateController.EndToEnd.Tests.Gate;

/// <summary>JPEGs showing one face each, cut from the sample photos with the imaging API (the samples are group photos).</summary>
internal static class SingleFacePhotos
{
    /// <summary>The woman on the left of sample3.jpg.</summary>
    public static string WriteSample3Left(string directory) => Write(directory, "sample3-left", 3, 448, 227);

    /// <summary>The person on the right of sample1.jpg; passes the quality and liveness gates.</summary>
    public static string WriteSample1Right(string directory) => Write(directory, "sample1-right", 1, 1252, 80, 640);

    /// <summary>
    /// Writes the <paramref name="width"/>×480 region of sample<paramref name="photoNumber"/>.jpg whose top-left corner is
    /// (<paramref name="left"/>, <paramref name="top"/>).
    /// </summary>
    public static string Write(string directory, string name, int photoNumber, int left, int top, int width = 480)
    {
        using var decoder = new JpegDecoder();
        using var photo = decoder.DecodeFile(RepositoryPaths.Photo(photoNumber), ImagePixelFormat.Rgb24);
        using var frame = AffineWarper.Warp(photo, AffineTransform.CreateTranslation(-left, -top), width, 480);
        using var encoder = new JpegEncoder();
        var path = Path.Combine(directory, name + ".jpg");
        File.WriteAllBytes(path, encoder.Encode(frame, 92));
        return path;
    }
}
