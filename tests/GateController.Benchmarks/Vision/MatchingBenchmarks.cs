using BenchmarkDotNet.Attributes;
using GateController.Core.Residents;
using GateController.Vision.Matching;

namespace GateController.Benchmarks.Vision;

/// <summary>1:N search over a gallery of random unit embeddings (targets: 50,000 ≤ 4 ms, 100,000 ≤ 8 ms per probe).</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private TemplateIndex? _index;
    private float[][] _probes = [];
    private int _next;

    /// <summary>Templates in the gallery.</summary>
    [Params(50_000, 100_000)]
    public int Templates { get; set; }

    /// <summary>Threads a search may use.</summary>
    [Params(1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _index = new TemplateIndex(new TemplateIndexOptions { MaximumDegreeOfParallelism = Threads });
        for (var i = 0; i < Templates; i++)
        {
            _index.Add(ResidentId.Parse($"R{i}"), new TemplateId(i), Unit(random));
        }

        _probes = Enumerable.Range(0, 64).Select(_ => Unit(random)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _index?.Dispose();

    [Benchmark]
    public NearestTemplates FindNearest()
    {
        var probe = _probes[_next++ & 63];
        return _index!.FindNearest(probe);
    }

    internal static float[] Unit(Random random)
    {
        var v = new float[512];
        double sum = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            v[i] = (float)g;
            sum += g * g;
        }

        var inverse = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= inverse;
        }

        return v;
    }
}
