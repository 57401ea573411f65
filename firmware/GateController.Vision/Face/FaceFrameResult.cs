using System.Buffers;

namespace GateController.Vision.Face;

/// <summary>
/// What <see cref="FacePipeline"/> found in one frame. The embedding lives in a pooled buffer that is cleared when
/// this result is disposed: use it, then dispose (P5: no embedding outlives its use). Holds no pixels.
/// </summary>
public sealed class FaceFrameResult : IDisposable
{
    private float[]? _embedding;

    internal FaceFrameResult(
        FaceFrameOutcome outcome, IReadOnlyList<FaceBox> faces, FaceBox? face, FivePointLandmarks? landmarks,
        FaceQualityAssessment? quality, double? livenessScore, float[]? embedding)
    {
        Outcome = outcome;
        Faces = faces;
        Face = face;
        Landmarks = landmarks;
        Quality = quality;
        LivenessScore = livenessScore;
        _embedding = embedding;
    }

    /// <summary>What was concluded.</summary>
    public FaceFrameOutcome Outcome { get; }

    /// <summary>Every face detected, best score first, in frame pixels.</summary>
    public IReadOnlyList<FaceBox> Faces { get; }

    /// <summary>The face processed (the largest), when one was.</summary>
    public FaceBox? Face { get; }

    /// <summary>Its five alignment points in frame pixels, when placed.</summary>
    public FivePointLandmarks? Landmarks { get; }

    /// <summary>Its quality assessment with every rejection reason, when assessed.</summary>
    public FaceQualityAssessment? Quality { get; }

    /// <summary>Its fr_liveness real-face probability, when the check ran.</summary>
    public double? LivenessScore { get; }

    /// <summary>Whether <see cref="Embedding"/> is available.</summary>
    public bool HasEmbedding => _embedding is not null;

    /// <summary>The L2-normalised 512-float embedding.</summary>
    /// <exception cref="InvalidOperationException">No embedding was computed, or the result was disposed.</exception>
    public ReadOnlySpan<float> Embedding =>
        _embedding is { } embedding
            ? embedding.AsSpan(0, FaceEmbedder.EmbeddingLength)
            : throw new InvalidOperationException($"no embedding: the outcome is {Outcome}{(Outcome == FaceFrameOutcome.Embedded ? " and the result was disposed" : string.Empty)}");

    /// <summary>A short description of the outcome for operators; names no one and holds no biometric data.</summary>
    public string Describe() => Outcome switch
    {
        FaceFrameOutcome.Embedded => "one face embedded",
        FaceFrameOutcome.NoFace => "no face found",
        FaceFrameOutcome.TooManyFaces => $"{Faces.Count} faces found; one is expected",
        FaceFrameOutcome.QualityRejected => $"face rejected: {string.Join(", ", Quality?.Rejections ?? [])}",
        FaceFrameOutcome.LivenessFailed => $"liveness score {LivenessScore:0.00} is below the threshold",
        _ => Outcome.ToString(),
    };

    /// <summary>Clears the embedding and returns its buffer to the pool.</summary>
    public void Dispose()
    {
        var embedding = _embedding;
        _embedding = null;
        if (embedding is not null)
        {
            ArrayPool<float>.Shared.Return(embedding, clearArray: true);
        }
    }

    /// <summary>The pooled array, for tests that prove it is cleared.</summary>
    internal float[]? UnderlyingEmbedding => _embedding;
}
