using GateController.Vision.Imaging;
using GateController.Vision.Tests.Onnx;

namespace GateController.Vision.Tests.Face;

/// <summary>Frames cut from the sample photos.</summary>
internal static class FaceTestFrames
{
    /// <summary>A 640×480 frame of sample3.jpg showing one face (the woman on the left) and no other.</summary>
    public static ImageBuffer SingleFace640x480()
    {
        using var decoder = new JpegDecoder();
        using var photo = decoder.DecodeFile(SamplePhotoFaces.PhotoPath(3), ImagePixelFormat.Rgb24);
        return AffineWarper.Warp(photo, AffineTransform.CreateTranslation(-368, -227), 640, 480);
    }

    /// <summary>sample5.jpg, five faces.</summary>
    public static ImageBuffer FiveFaces()
    {
        using var decoder = new JpegDecoder();
        return decoder.DecodeFile(SamplePhotoFaces.PhotoPath(5), ImagePixelFormat.Rgb24);
    }

    public static string ModelDirectory => Path.Combine(OnnxTestEnvironment.RepositoryRoot, "artifacts", "models");
}
