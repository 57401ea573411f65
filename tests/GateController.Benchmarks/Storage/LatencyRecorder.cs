using System.Collections.Concurrent;
using System.Diagnostics;

namespace GateController.Benchmarks.Storage;

/// <summary>
/// Single-operation latencies recorded by the benchmarks themselves (Stopwatch around each operation), so the
/// summary can show true per-operation percentiles; BenchmarkDotNet itself measures averages over invocations.
/// Works with the in-process toolchain, where benchmark and summary share this process.
/// </summary>
internal static class LatencyRecorder
{
    private static readonly ConcurrentDictionary<string, List<long>> Samples = new(StringComparer.Ordinal);

    public static List<long> For(string benchmark) => Samples.GetOrAdd(benchmark, _ => new List<long>(1 << 20));

    /// <summary>The given percentile of recorded samples in nanoseconds, or null when none were recorded.</summary>
    public static double? PercentileNanoseconds(string benchmark, double percentile)
    {
        if (!Samples.TryGetValue(benchmark, out var samples) || samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1e9 / Stopwatch.Frequency;
    }

    public static int Count(string benchmark) => Samples.TryGetValue(benchmark, out var samples) ? samples.Count : 0;
}
