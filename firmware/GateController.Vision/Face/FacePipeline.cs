using System.Buffers;
using System.Numerics;
using GateController.Vision.Imaging;
using GateController.Vision.Onnx;

namespace GateController.Vision.Face;

/// <summary>
/// Detect → 68 landmarks → five-point ArcFace alignment → quality gate → liveness → embedding, over the models of
/// models/manifest.json, each verified against its pinned sha256 when opened. Frames are read, never kept; every
/// intermediate image is pooled and cleared (P5). Not thread-safe: one pipeline per thread.
/// </summary>
public sealed class FacePipeline : IDisposable
{
    private readonly FacePipelineOptions _options;
    private readonly OnnxSession[] _sessions;
    private readonly FaceDetector _detector;
    private readonly FaceLandmarker _landmarker;
    private readonly FaceEmbedder _embedder;
    private readonly LivenessChecker _liveness;
    private readonly FaceQualityGate _quality;
    private readonly Vector2[] _points = new Vector2[FaceLandmarker.PointCount];

    private FacePipeline(FacePipelineOptions options, OnnxSession[] sessions)
    {
        _options = options;
        _sessions = sessions;
        _quality = new FaceQualityGate(options.Quality);
        _detector = new FaceDetector(sessions[0], options.DetectionScoreThreshold, options.DetectionOverlapThreshold);
        _landmarker = new FaceLandmarker(sessions[1]);
        _embedder = new FaceEmbedder(sessions[2]);
        _liveness = new LivenessChecker(sessions[3]);
    }

    /// <summary>The settings in use.</summary>
    public FacePipelineOptions Options => _options;

    /// <summary>
    /// Opens fr_detect, fr_landmark, fr_feature and fr_liveness from <paramref name="modelDirectory"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="FileNotFoundException">A model file is missing (the message names it).</exception>
    /// <exception cref="OnnxModelIntegrityException">A model file's sha256 differs from the manifest (the message names it).</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load a model (the message names it).</exception>
    public static FacePipeline Open(OnnxRuntime runtime, ModelManifest manifest, string modelDirectory, FacePipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        string[] names = ["fr_detect", "fr_landmark", "fr_feature", "fr_liveness"];
        var sessions = new List<OnnxSession>();
        try
        {
            foreach (var name in names)
            {
                var model = manifest[name];
                sessions.Add(runtime.OpenSession(
                    Path.Combine(modelDirectory, model.File),
                    new OnnxSessionOptions { IntraOpThreadCount = options.IntraOpThreadCount, ExpectedSha256 = model.InstalledSha256 }));
            }

            return new FacePipeline(options, [.. sessions]);
        }
        catch
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }

            throw;
        }
    }

    /// <summary>The faces in a frame, best score first, in frame pixels.</summary>
    public IReadOnlyList<FaceBox> Detect(ImageBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Format == ImagePixelFormat.Rgb24)
        {
            return _detector.Detect(frame);
        }

        using var rgb = ImageConverter.Convert(frame, ImagePixelFormat.Rgb24);
        return _detector.Detect(rgb);
    }

    /// <summary>Processes a frame with the configured liveness requirement; true when an embedding was produced.</summary>
    public bool TryProcess(ImageBuffer frame, out FaceFrameResult result) => TryProcess(frame, _options.Liveness, out result);

    /// <summary>
    /// Processes the largest face of a frame (any <see cref="ImagePixelFormat"/>); true when an embedding was produced.
    /// The result is always set and must be disposed; its outcome says why there is no embedding.
    /// </summary>
    public bool TryProcess(ImageBuffer frame, LivenessRequirement liveness, out FaceFrameResult result)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckRequirement(liveness);
        ImageBuffer? converted = frame.Format == ImagePixelFormat.Rgb24 ? null : ImageConverter.Convert(frame, ImagePixelFormat.Rgb24);
        try
        {
            var rgb = converted ?? frame;
            var faces = _detector.Detect(rgb);
            if (faces.Count == 0)
            {
                result = new FaceFrameResult(FaceFrameOutcome.NoFace, faces, null, null, null, null, null);
                return false;
            }

            if (faces.Count > _options.MaximumFaceCount)
            {
                result = new FaceFrameResult(FaceFrameOutcome.TooManyFaces, faces, null, null, null, null, null);
                return false;
            }

            var largest = faces[0];
            foreach (var face in faces)
            {
                largest = face.Area > largest.Area ? face : largest;
            }

            result = ProcessFace(rgb, faces, largest, liveness);
            return result.HasEmbedding;
        }
        finally
        {
            converted?.Dispose();
        }
    }

    /// <summary>
    /// Processes one given face of an RGB24 frame (e.g. one of <see cref="Detect"/>'s boxes in a group photo);
    /// true when an embedding was produced. The result must be disposed.
    /// </summary>
    public bool TryProcessFace(ImageBuffer frame, FaceBox face, LivenessRequirement liveness, out FaceFrameResult result)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckRequirement(liveness);
        if (frame.Format != ImagePixelFormat.Rgb24)
        {
            throw new ArgumentException($"an RGB24 frame is needed, not {frame.Format}", nameof(frame));
        }

        result = ProcessFace(frame, [face], face, liveness);
        return result.HasEmbedding;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _detector.Dispose();
        _landmarker.Dispose();
        _embedder.Dispose();
        _liveness.Dispose();
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }

    private static void CheckRequirement(LivenessRequirement liveness)
    {
        if (!Enum.IsDefined(liveness))
        {
            throw new ArgumentOutOfRangeException(nameof(liveness), liveness, "not a defined liveness requirement");
        }
    }

    private FaceFrameResult ProcessFace(ImageBuffer rgb, IReadOnlyList<FaceBox> faces, FaceBox face, LivenessRequirement liveness)
    {
        _landmarker.Locate(rgb, face, _points);
        var landmarks = FivePointLandmarks.FromSixtyEight(_points);
        Array.Clear(_points);
        if (!ArcFaceAlignment.TryEstimateTransform(landmarks, out var transform))
        {
            var degenerate = new FaceQualityAssessment([FaceQualityRejection.BadLandmarks], face.Width, default, 0, default);
            return new FaceFrameResult(FaceFrameOutcome.QualityRejected, faces, face, landmarks, degenerate, null, null);
        }

        using var aligned = AffineWarper.Warp(rgb, transform, ArcFaceAlignment.Size, ArcFaceAlignment.Size);
        var quality = _quality.Assess(face, landmarks, aligned);
        if (!quality.Accepted)
        {
            return new FaceFrameResult(FaceFrameOutcome.QualityRejected, faces, face, landmarks, quality, null, null);
        }

        double? livenessScore = liveness == LivenessRequirement.Skipped ? null : _liveness.Score(rgb, face);
        if (liveness == LivenessRequirement.Required && livenessScore < _options.LivenessThreshold)
        {
            return new FaceFrameResult(FaceFrameOutcome.LivenessFailed, faces, face, landmarks, quality, livenessScore, null);
        }

        var embedding = ArrayPool<float>.Shared.Rent(FaceEmbedder.EmbeddingLength);
        try
        {
            _embedder.Embed(aligned, embedding.AsSpan(0, FaceEmbedder.EmbeddingLength));
        }
        catch
        {
            ArrayPool<float>.Shared.Return(embedding, clearArray: true);
            throw;
        }

        return new FaceFrameResult(FaceFrameOutcome.Embedded, faces, face, landmarks, quality, livenessScore, embedding);
    }
}
