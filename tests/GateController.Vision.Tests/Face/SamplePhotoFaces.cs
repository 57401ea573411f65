using System.Numerics;
using GateController.Vision.Tests.Onnx;

namespace GateController.Vision.Tests.Face;

/// <summary>
/// Ground truth for the six demo photos of @vladmandic/face-api (models/manifest.json): 22 faces of 22 different
/// people. Established by looking at every photo at full size with the detections and landmarks drawn over it:
/// each face visible in the photo is listed once, by the approximate centre of its box in photo pixels; nothing
/// else in the photos is a face. Per photo: 3, 3, 3, 4, 5, 4.
/// </summary>
internal static class SamplePhotoFaces
{
    /// <summary>The face centres of sample1.jpg … sample6.jpg (1920 pixels wide).</summary>
    public static IReadOnlyList<Vector2[]> Centres { get; } =
    [
        [new(505, 475), new(932, 540), new(1572, 320)],
        [new(447, 269), new(972, 342), new(1542, 277)],
        [new(688, 467), new(1186, 350), new(1594, 434)],
        [new(345, 320), new(754, 188), new(1077, 304), new(1344, 273)],
        [new(462, 1027), new(687, 544), new(874, 221), new(1196, 317), new(1502, 521)],
        [new(359, 619), new(757, 478), new(1262, 447), new(1590, 409)],
    ];

    /// <summary>The number of faces in all photos.</summary>
    public static int Count => Centres.Sum(photo => photo.Length);

    /// <summary>The path of sample<paramref name="photoNumber"/>.jpg; fails clearly when models/fetch has not run.</summary>
    public static string PhotoPath(int photoNumber) => RepositoryLayout.Photo(photoNumber);
}
