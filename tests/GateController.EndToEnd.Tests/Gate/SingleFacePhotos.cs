using GateController.Vision.Imaging;

namespace GateController.EndToEnd.Tests.Gate;

/// <summary>JPEGs showing one face each, cut from the sample photos with the imaging API (the samples are group photos).</summary>
internal static class SingleFacePhotos
{
    /// <summary>The woman on the left of sample3.jpg.</summary>
    public static string WriteSample3Left(string directory) => Write(directory, "sample3-left", 3, 448, 227);

    /// <summary>The man on the right of sample4.jpg.</summary>
    public static string WriteSample4Right(string directory) => Write(directory, "sample4-right", 4, 1104, 33);

    /// <summary>Writes the 480×480 region of sample<paramref name="photoNumber"/>.jpg whose top-left corner is (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public static string Write(string directory, string name, int photoNumber, int left, int top)
    {
        using var decoder = new JpegDecoder();
        using var photo = decoder.DecodeFile(RepositoryPaths.Photo(photoNumber), ImagePixelFormat.Rgb24);
        using var frame = AffineWarper.Warp(photo, AffineTransform.CreateTranslation(-left, -top), 480, 480);
        using var encoder = new JpegEncoder();
        var path = Path.Combine(directory, name + ".jpg");
        File.WriteAllBytes(path, encoder.Encode(frame, 92));
        return path;
    }
}
