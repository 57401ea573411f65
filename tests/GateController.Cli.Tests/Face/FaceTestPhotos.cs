using GateController.Service.Face;
using GateController.Storage;

namespace GateController.Cli.Tests.Face;

/// <summary>The real models and demo photos fetched by models/fetch, and probes cut from them.</summary>
internal static class FaceTestPhotos
{
    /// <summary>Opens the face component over the real models, as gatecontrollerd does.</summary>
    public static FaceRecognition OpenRecognition(GateStore store) =>
        FaceRecognition.Open(new FaceRecognitionOptions { ModelDirectory = RepositoryLayout.ModelDirectory, ManifestPath = RepositoryLayout.ManifestPath }, store);

    /// <summary>
    /// Writes a 640×480 JPEG of sample3.jpg showing one face only (the woman on the left) into
    /// <paramref name="directory"/>, cut with the imaging API and re-encoded.
    /// </summary>
    public static string WriteSingleFacePhoto(string directory) => SamplePhotoCrops.WriteCrop(directory, "one-face", 3, 368, 227);
}
