using GateController.Telemetry.Health;

namespace GateController.Service.Face;

/// <summary>
/// The gate loop's aggregate counters and a ring of recent pipeline latencies. Counts only: nothing per person (P5).
/// Thread-safe.
/// </summary>
internal sealed class FaceGateCounters
{
    private readonly Lock _gate = new();
    private readonly double[] _latencies;
    private int _next;
    private int _filled;
    private long _processed;
    private long _facesSeen;
    private long _quality;
    private long _liveness;
    private long _unmatched;
    private long _matched;

    public FaceGateCounters(int latencySampleCount) => _latencies = new double[latencySampleCount];

    public long FramesProcessed => Interlocked.Read(ref _processed);

    /// <summary>Counts one processed frame's outcome and its pipeline latency.</summary>
    public void Record(FaceProbeOutcome outcome, TimeSpan latency)
    {
        lock (_gate)
        {
            _processed++;
            if (outcome != FaceProbeOutcome.NoFace)
            {
                _facesSeen++;
            }

            switch (outcome)
            {
                case FaceProbeOutcome.QualityRejected:
                    _quality++;
                    break;
                case FaceProbeOutcome.LivenessFailed:
                    _liveness++;
                    break;
                case FaceProbeOutcome.Unmatched:
                    _unmatched++;
                    break;
                case FaceProbeOutcome.Matched:
                    _matched++;
                    break;
            }

            _latencies[_next] = latency.TotalMilliseconds;
            _next = (_next + 1) % _latencies.Length;
            _filled = Math.Min(_filled + 1, _latencies.Length);
        }
    }

    public FacePipelineStats Snapshot(double? framesPerSecond, IReadOnlyList<string> modelIds, bool cameraHealthy, string? cameraLastError)
    {
        double[] recent;
        lock (_gate)
        {
            recent = _latencies.AsSpan(0, _filled).ToArray();
            var stats = new FacePipelineStats(framesPerSecond, Percentile(recent, 0.50), Percentile(recent, 0.95), modelIds)
            {
                FramesProcessed = _processed,
                FacesSeen = _facesSeen,
                RejectedByQuality = _quality,
                RejectedByLiveness = _liveness,
                Unmatched = _unmatched,
                Matched = _matched,
                CameraHealthy = cameraHealthy,
                CameraLastError = cameraLastError,
            };
            return stats;
        }
    }

    /// <summary>The nearest-rank percentile of <paramref name="values"/> (sorted in place), or null when empty.</summary>
    internal static double? Percentile(double[] values, double fraction)
    {
        if (values.Length == 0)
        {
            return null;
        }

        Array.Sort(values);
        var rank = (int)Math.Ceiling(fraction * values.Length);
        return values[Math.Clamp(rank - 1, 0, values.Length - 1)];
    }
}
