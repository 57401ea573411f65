using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GateController.Storage.Records;

namespace GateController.Benchmarks.Storage;

/// <summary>Importing 10,000 residents with cards and PINs in one transaction (target: ≤ 10 s).</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class StoreImportBenchmarks
{
    private List<ResidentImportRow> _rows = [];
    private StoreBenchmarkHost? _host;

    [GlobalSetup]
    public void Setup() => _rows = StoreBenchmarkHost.Rows(10_000);

    [IterationSetup]
    public void CreateStore() => _host = new StoreBenchmarkHost();

    [IterationCleanup]
    public void DeleteStore() => _host?.Dispose();

    [Benchmark]
    public int Import10000Residents() => _host!.Store.ImportResidents(_rows, "bench");
}
