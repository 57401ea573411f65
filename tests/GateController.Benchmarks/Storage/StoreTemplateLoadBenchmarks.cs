using BenchmarkDotNet.Attributes;

namespace GateController.Benchmarks.Storage;

/// <summary>Loading and decrypting 50,000 face templates for the matcher at start (target: ≤ 1 s).</summary>
[Config(typeof(BulkOperationConfig))]
public class StoreTemplateLoadBenchmarks
{
    private const int Templates = 50_000;

    private StoreBenchmarkHost? _host;

    [GlobalSetup]
    public void Setup()
    {
        _host = new StoreBenchmarkHost();
        _host.Store.ImportResidents(StoreBenchmarkHost.Rows(Templates), "bench");
        _host.EnrollAll(Templates);
        _host.Reopen();
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark]
    public int LoadAndDecrypt50000Templates()
    {
        var templates = _host!.Store.LoadFaceTemplates();
        return templates.Count == Templates ? templates.Count : throw new InvalidOperationException($"{templates.Count} templates loaded");
    }
}
