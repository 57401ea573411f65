namespace GateController.Telemetry.Health;

/// <summary>
/// The face reader's aggregate counters in health: frames, faces, matches and rejections by reason since the service
/// started. Totals only; no count is kept or published per person (P5, P7).
/// </summary>
public sealed record HealthFaceCounters
{
    /// <summary>Frames the face models ran on.</summary>
    public long FramesProcessed { get; init; }

    /// <summary>Frames in which a face was found.</summary>
    public long FacesSeen { get; init; }

    /// <summary>Faces that matched a consenting resident.</summary>
    public long Matched { get; init; }

    /// <summary>Usable faces that matched nobody.</summary>
    public long Unmatched { get; init; }

    /// <summary>Faces refused by the quality gate.</summary>
    public long RejectedByQuality { get; init; }

    /// <summary>Faces refused by the liveness check.</summary>
    public long RejectedByLiveness { get; init; }

    /// <summary>Whether the camera is delivering frames.</summary>
    public bool CameraHealthy { get; init; } = true;

    /// <summary>Takes the counters of the face pipeline's figures.</summary>
    public static HealthFaceCounters From(FacePipelineStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new HealthFaceCounters
        {
            FramesProcessed = stats.FramesProcessed,
            FacesSeen = stats.FacesSeen,
            Matched = stats.Matched,
            Unmatched = stats.Unmatched,
            RejectedByQuality = stats.RejectedByQuality,
            RejectedByLiveness = stats.RejectedByLiveness,
            CameraHealthy = stats.CameraHealthy,
        };
    }
}
