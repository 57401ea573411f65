using System.Numerics;
using GateController.Vision.Face;
using GateController.Vision.Imaging;
using GateController.Vision.Tests.Imaging;
using GateController.Vision.Tests.Onnx;

namespace GateController.Vision.Tests.Face;

/// <summary>
/// Runs the face pipeline once over the sample photos for the accuracy tests: detections, one enrolled template per
/// face, and probes made from augmented copies of each face's surroundings.
/// </summary>
public sealed class AccuracyFixture : IDisposable
{
    /// <summary>The probe augmentations, by name: brightness, shift, scale, rotation, JPEG 40, blur σ 1, a combination.</summary>
    public static readonly IReadOnlyList<string> AugmentationNames =
    [
        "brightness +30%", "brightness -30%", "shift +10%", "shift -10%", "scale +8%", "scale -8%",
        "rotation +10deg", "rotation -10deg", "JPEG quality 40", "blur sigma 1",
        "combined: brightness -20%, rotation +6deg, scale -5%, shift +5%, blur sigma 1, JPEG 40",
    ];

    public AccuracyFixture()
    {
        // The demo photos are party snapshots with heads turned and tilted much more than at a gate, and the
        // measurement needs every face enrolled: the pose and clipping limits are widened for it. The gate's own
        // defaults are reported per face (DefaultGateRejections).
        var options = new FacePipelineOptions
        {
            MaximumFaceCount = 64,
            Liveness = LivenessRequirement.Skipped,
            Quality = new FaceQualityOptions { MaximumYawDegrees = 60, MaximumPitchDegrees = 50, MaximumBrightFraction = 0.5 },
        };
        Pipeline = FacePipeline.Open(
            OnnxTestEnvironment.Runtime, OnnxTestEnvironment.Manifest, Path.Combine(OnnxTestEnvironment.RepositoryRoot, "artifacts", "models"), options);
        var defaultGate = new FaceQualityGate(new FaceQualityOptions());
        using var decoder = new JpegDecoder();
        var detections = new List<IReadOnlyList<FaceBox>>();
        for (var photoIndex = 0; photoIndex < SamplePhotoFaces.Centres.Count; photoIndex++)
        {
            using var photo = decoder.DecodeFile(SamplePhotoFaces.PhotoPath(photoIndex + 1), ImagePixelFormat.Rgb24);
            var faces = Pipeline.Detect(photo);
            detections.Add(faces);
            foreach (var centre in SamplePhotoFaces.Centres[photoIndex])
            {
                var person = Enrolled.Count;
                var box = faces.FirstOrDefault(face => Contains(face, centre));
                Assert.True(box.Area > 0, $"face {person} (sample{photoIndex + 1}.jpg at {centre}) was not detected");
                Assert.True(Pipeline.TryProcessFace(photo, box, LivenessRequirement.Measured, out var enrolled), $"face {person}: {enrolled.Describe()}");
                using (enrolled)
                {
                    Enrolled.Add(enrolled.Embedding.ToArray());
                    EnrolledBoxes.Add(box);
                    EnrolledLandmarks.Add(enrolled.Landmarks!.Value);
                    LivenessScores.Add(enrolled.LivenessScore!.Value);
                    using var aligned = ArcFaceAlignment.Align(photo, enrolled.Landmarks!.Value);
                    DefaultGateRejections.Add(defaultGate.Assess(box, enrolled.Landmarks!.Value, aligned).Rejections);
                }

                using var surroundings = Surroundings(photo, box, out var faceCentre);
                ReplayLivenessScores.Add(ReplayLiveness(surroundings, faceCentre));
                for (var augmentation = 0; augmentation < AugmentationNames.Count; augmentation++)
                {
                    using var probe = Augment(surroundings, augmentation, faceCentre, out var expectedCentre);
                    Probes.Add(MakeProbe(person, augmentation, probe, expectedCentre));
                }
            }
        }

        Detections = detections;
    }

    public FacePipeline Pipeline { get; }

    /// <summary>The detections in sample1 … sample6, best first.</summary>
    public IReadOnlyList<IReadOnlyList<FaceBox>> Detections { get; }

    /// <summary>One template per person (the face in its photo), in ground-truth order.</summary>
    public List<float[]> Enrolled { get; } = [];

    /// <summary>The detection box of each enrolled face.</summary>
    public List<FaceBox> EnrolledBoxes { get; } = [];

    /// <summary>The five alignment points of each enrolled face.</summary>
    public List<FivePointLandmarks> EnrolledLandmarks { get; } = [];

    /// <summary>fr_liveness's real-face probability of each face in its photo.</summary>
    public List<double> LivenessScores { get; } = [];

    /// <summary>
    /// fr_liveness's real-face probability of each face shown as a simulated screen replay (null when the face was
    /// not found in the replay frame).
    /// </summary>
    public List<double?> ReplayLivenessScores { get; } = [];

    /// <summary>What the gate's default quality settings would say of each face in its photo.</summary>
    public List<IReadOnlyList<FaceQualityRejection>> DefaultGateRejections { get; } = [];

    /// <summary>Every augmented probe: whose face, which augmentation, its template or why there is none.</summary>
    public List<AccuracyProbe> Probes { get; } = [];

    public void Dispose()
    {
        foreach (var template in Enrolled)
        {
            Array.Clear(template);
        }

        foreach (var probe in Probes)
        {
            if (probe.Embedding is not null)
            {
                Array.Clear(probe.Embedding);
            }
        }

        Pipeline.Dispose();
    }

    internal static bool Contains(FaceBox box, Vector2 point) =>
        point.X >= box.Left && point.X <= box.Right && point.Y >= box.Top && point.Y <= box.Bottom;

    /// <summary>A square of 2.5 face widths around the face, kept inside the photo (neighbours may show at its edges).</summary>
    private static ImageBuffer Surroundings(ImageBuffer photo, FaceBox box, out Vector2 faceCentre)
    {
        var side = (int)Math.Min(Math.Min(photo.Width, photo.Height), 2.5 * Math.Max(box.Width, box.Height));
        var centreX = (box.Left + box.Right) / 2;
        var centreY = (box.Top + box.Bottom) / 2;
        var left = Math.Clamp((int)(centreX - (side / 2)), 0, photo.Width - side);
        var top = Math.Clamp((int)(centreY - (side / 2)), 0, photo.Height - side);
        faceCentre = new Vector2(centreX - left, centreY - top);
        return AffineWarper.Warp(photo, AffineTransform.CreateTranslation(-left, -top), side, side);
    }

    /// <summary>
    /// A crude screen replay: the face's surroundings at half resolution (screen pixels), contrast lowered and lifted
    /// (v' = 40 + 0.75 v, blue +10), shown at 70 % size inside a black bezel in a grey room.
    /// </summary>
    private double? ReplayLiveness(ImageBuffer surroundings, Vector2 faceCentre)
    {
        using var half = ImageResizer.Resize(surroundings, surroundings.Width / 2, surroundings.Height / 2);
        using var screen = ImageResizer.Resize(half, surroundings.Width, surroundings.Height);
        var pixels = screen.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)Math.Min(255, 40 + (0.75 * pixels[i]) + (i % 3 == 2 ? 10 : 0));
        }

        using var room = TestImages.Uniform(surroundings.Width, surroundings.Height, ImagePixelFormat.Rgb24, 110, 110, 105);
        var bezel = 0.74 * surroundings.Width;
        var bezelLeft = (int)((surroundings.Width - bezel) / 2);
        for (var y = bezelLeft; y < bezelLeft + (int)bezel; y++)
        {
            room.Row(y).Slice(bezelLeft * 3, (int)bezel * 3).Clear();
        }

        var transform = ImageAugmentation.Geometry(screen, 0.7, 0, 0, 0);
        using var shown = ImageAugmentation.Warp(screen, transform);
        var centre = transform.Apply(faceCentre);
        var inside = (int)(0.7 * surroundings.Width);
        var insideLeft = (surroundings.Width - inside) / 2;
        for (var y = insideLeft; y < insideLeft + inside; y++)
        {
            shown.Row(y).Slice(insideLeft * 3, inside * 3).CopyTo(room.Row(y).Slice(insideLeft * 3, inside * 3));
        }

        var face = Pipeline.Detect(room).Where(candidate => Contains(candidate, centre)).FirstOrDefault();
        if (face.Area <= 0)
        {
            return null;
        }

        Pipeline.TryProcessFace(room, face, LivenessRequirement.Measured, out var result);
        using (result)
        {
            return result.LivenessScore;
        }
    }

    private static ImageBuffer Augment(ImageBuffer image, int augmentation, Vector2 faceCentre, out Vector2 expectedCentre)
    {
        expectedCentre = faceCentre;
        ImageBuffer Geometric(double scale, double angle, double shift, out Vector2 centre)
        {
            var transform = ImageAugmentation.Geometry(image, scale, angle, shift, shift);
            centre = transform.Apply(faceCentre);
            return ImageAugmentation.Warp(image, transform);
        }

        switch (augmentation)
        {
            case 0: return ImageAugmentation.Brightness(image, 1.3);
            case 1: return ImageAugmentation.Brightness(image, 0.7);
            case 2: return Geometric(1, 0, 0.10, out expectedCentre);
            case 3: return Geometric(1, 0, -0.10, out expectedCentre);
            case 4: return Geometric(1.08, 0, 0, out expectedCentre);
            case 5: return Geometric(0.92, 0, 0, out expectedCentre);
            case 6: return Geometric(1, 10, 0, out expectedCentre);
            case 7: return Geometric(1, -10, 0, out expectedCentre);
            case 8: return ImageAugmentation.JpegRoundTrip(image, 40);
            case 9: return ImageAugmentation.GaussianBlur(image, 1.0);
            default:
                using (var darker = ImageAugmentation.Brightness(image, 0.8))
                {
                    var transform = ImageAugmentation.Geometry(image, 0.95, 6, 0.05, 0.05);
                    expectedCentre = transform.Apply(faceCentre);
                    using var moved = ImageAugmentation.Warp(darker, transform);
                    using var blurred = ImageAugmentation.GaussianBlur(moved, 1.0);
                    return ImageAugmentation.JpegRoundTrip(blurred, 40);
                }
        }
    }

    private AccuracyProbe MakeProbe(int person, int augmentation, ImageBuffer probe, Vector2 expectedCentre)
    {
        var faces = Pipeline.Detect(probe);
        var nearest = faces
            .Where(face => Contains(face, expectedCentre))
            .OrderBy(face => Vector2.Distance(new Vector2((face.Left + face.Right) / 2, (face.Top + face.Bottom) / 2), expectedCentre))
            .FirstOrDefault();
        if (nearest.Area <= 0)
        {
            return new AccuracyProbe(person, augmentation, null, "face not detected");
        }

        Pipeline.TryProcessFace(probe, nearest, LivenessRequirement.Skipped, out var result);
        using (result)
        {
            return result.HasEmbedding
                ? new AccuracyProbe(person, augmentation, result.Embedding.ToArray(), null)
                : new AccuracyProbe(person, augmentation, null, result.Describe());
        }
    }
}
