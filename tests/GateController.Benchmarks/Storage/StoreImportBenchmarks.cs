using BenchmarkDotNet.Attributes;
using GateController.Storage.Records;

namespace GateController.Benchmarks.Storage;

/// <summary>Importing 10,000 residents with cards and PINs in one transaction (target: ≤ 10 s).</summary>
[Config(typeof(BulkOperationConfig))]
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
