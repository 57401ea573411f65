using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace GateController.Benchmarks.Hardware;

/// <summary>
/// The whole door path with the system clock (<see cref="BenchmarkDoorPath"/>): a resident's 26-bit card as Wiegand
/// edges → reader → access pipeline → decision → door controller → relay line. Target: credential presented → relay
/// line written, p99 ≤ 5 ms. BenchmarkDotNet's time per card includes the inter-frame gap; the cleanup prints the
/// percentiles of "credential presented → relay written" and "last edge → relay written" over every card.
/// </summary>
[Config(typeof(InProcessSingleInvocationConfig))]
[MinColumn]
[MaxColumn]
[MedianColumn]
public class CardToRelayBenchmark
{
    private const int CardsPerInvocation = 150;

    private readonly List<long> _presentedToRelayTicks = [];
    private readonly List<long> _lastEdgeToRelayTicks = [];
    private BenchmarkDoorPath _path = null!;

    [GlobalSetup]
    public void Setup() => _path = new BenchmarkDoorPath();

    [Benchmark(OperationsPerInvoke = CardsPerInvocation, Description = "card (Wiegand edges) -> relay line high, incl. 25 ms gap")]
    public void CardToRelay()
    {
        for (var i = 0; i < CardsPerInvocation; i++)
        {
            var (presented, lastEdge) = _path.PresentCard();
            _presentedToRelayTicks.Add(presented);
            _lastEdgeToRelayTicks.Add(lastEdge);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Report("credential presented -> relay line written", _presentedToRelayTicks);
        Report("last Wiegand edge -> relay line written (includes the 25 ms gap)", _lastEdgeToRelayTicks);
        Console.WriteLine("// " + _path.Counters);
        _path.Dispose();
    }

    /// <summary>Prints the percentiles of <paramref name="ticks"/> (Stopwatch ticks) and returns the p99 in milliseconds.</summary>
    internal static double? Report(string what, List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return null;
        }

        var sorted = ticks.Order().ToArray();
        double Ms(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        string Text(double p) => Ms(p).ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"// {what}: n={sorted.Length} p50={Text(0.50)} ms p90={Text(0.90)} ms p99={Text(0.99)} ms max={Text(1.0)} ms");
        return Ms(0.99);
    }
}
