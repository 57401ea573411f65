namespace GateController.Telemetry.Health;

/// <summary>Camera and face pipeline figures for health: rates, timings and model ids only.</summary>
/// <param name="CameraFramesPerSecond">Camera frames per second.</param>
/// <param name="LatencyP50Milliseconds">Face pipeline latency, median.</param>
/// <param name="LatencyP95Milliseconds">Face pipeline latency, 95th percentile.</param>
/// <param name="ModelIds">Ids of the loaded models (manifest ids, not file paths).</param>
public sealed record FacePipelineStats(double? CameraFramesPerSecond, double? LatencyP50Milliseconds, double? LatencyP95Milliseconds, IReadOnlyList<string> ModelIds);
