namespace GateController.EndToEnd.Tests.Gate;

/// <summary>JPEGs showing one face each, cut from the sample photos (the samples are group photos).</summary>
internal static class SingleFacePhotos
{
    /// <summary>The woman on the left of sample3.jpg, 480×480.</summary>
    public static string WriteSample3Left(string directory) => SamplePhotoCrops.WriteCrop(directory, "sample3-left", 3, 448, 227, width: 480);

    /// <summary>The person on the right of sample1.jpg, 640×480; passes the quality and liveness gates.</summary>
    public static string WriteSample1Right(string directory) => SamplePhotoCrops.WriteCrop(directory, "sample1-right", 1, 1252, 80);
}
