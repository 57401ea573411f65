using BenchmarkDotNet.Attributes;
using GateController.Core.Residents;
using GateController.Vision.Matching;

namespace GateController.Benchmarks.Vision;

/// <summary>
/// Memory per template: builds a gallery of 10,000 templates per invocation; with OperationsPerInvoke the
/// "Allocated" column is the managed memory per template held by the index (embedding planes, ids, lookup).
/// Resident ids and embeddings are created beforehand, as the store would hold them.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class MatchingMemoryBenchmarks
{
    private const int Templates = 10_000;
    private ResidentId[] _residents = [];
    private float[][] _embeddings = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        _residents = Enumerable.Range(0, Templates).Select(i => ResidentId.Parse($"R{i}")).ToArray();
        _embeddings = Enumerable.Range(0, Templates).Select(_ => MatchingBenchmarks.Unit(random)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Templates)]
    public int BuildGallery()
    {
        using var index = new TemplateIndex();
        for (var i = 0; i < Templates; i++)
        {
            index.Add(_residents[i], new TemplateId(i), _embeddings[i]);
        }

        return index.Count;
    }
}
