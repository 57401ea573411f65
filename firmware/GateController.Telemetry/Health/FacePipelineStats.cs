namespace GateController.Telemetry.Health;

/// <summary>
/// Camera and face pipeline figures for health: rates, timings, aggregate counts and model ids only. No count is
/// kept per person, and nothing here names anyone (P5).
/// </summary>
/// <param name="CameraFramesPerSecond">Camera frames per second.</param>
/// <param name="LatencyP50Milliseconds">Face pipeline latency, median.</param>
/// <param name="LatencyP95Milliseconds">Face pipeline latency, 95th percentile.</param>
/// <param name="ModelIds">Ids of the loaded models (manifest ids, not file paths).</param>
public sealed record FacePipelineStats(double? CameraFramesPerSecond, double? LatencyP50Milliseconds, double? LatencyP95Milliseconds, IReadOnlyList<string> ModelIds)
{
    /// <summary>Frames the face models ran on.</summary>
    public long FramesProcessed { get; init; }

    /// <summary>Frames in which a face was found.</summary>
    public long FacesSeen { get; init; }

    /// <summary>Faces refused by the quality gate (too small, turned away, blurred, several faces…).</summary>
    public long RejectedByQuality { get; init; }

    /// <summary>Faces refused by the liveness check.</summary>
    public long RejectedByLiveness { get; init; }

    /// <summary>Usable faces that matched no consenting resident; nothing else of them is kept.</summary>
    public long Unmatched { get; init; }

    /// <summary>Faces that matched a consenting resident.</summary>
    public long Matched { get; init; }

    /// <summary>Whether the camera is delivering frames; false while it is faulted and being retried.</summary>
    public bool CameraHealthy { get; init; } = true;

    /// <summary>The camera's last fault in words (device, errno, no frames for N seconds), or null.</summary>
    public string? CameraLastError { get; init; }
}
