namespace GateController.Service.Tests.Face;

/// <summary>
/// The 640×480 camera frames of the face gate tests, cut from the demo photos fetched by models/fetch (22 faces of 22
/// different people), as JPEG bytes.
/// </summary>
internal static class FaceGateFrames
{
    /// <summary>sample3.jpg's woman on the left, alone in the frame.</summary>
    public static byte[] Resident => SamplePhotoCrops.Crop(3, 368, 227);

    /// <summary>Another person (sample1.jpg, right), alone in the frame; passes the quality and liveness gates.</summary>
    public static byte[] Stranger => SamplePhotoCrops.Crop(1, 1252, 80);

    /// <summary>A third person (sample1.jpg, middle), alone in the frame; passes the quality and liveness gates.</summary>
    public static byte[] Neighbour => SamplePhotoCrops.Crop(1, 612, 300);

    /// <summary>A frame without anyone: a grey wall.</summary>
    public static byte[] Empty => SamplePhotoCrops.Uniform(128);
}
