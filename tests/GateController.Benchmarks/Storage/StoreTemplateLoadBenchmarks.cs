using BenchmarkDotNet.Attributes;

namespace GateController.Benchmarks.Storage;

/// <summary>Loading and decrypting 50,000 face templates for the matcher at start (target: ≤ 1 s), as a list and streamed.</summary>
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

    /// <summary>The start-up path: every template streamed and decrypted one at a time, nothing kept.</summary>
    [Benchmark]
    public int StreamAndDecrypt50000Templates()
    {
        var sum = 0f;
        var report = _host!.Store.StreamConsentedFaceTemplates("arcface-r100", (_, _, embedding) => sum += embedding[0], CancellationToken.None);
        return report.Loaded == Templates && sum > 0 ? report.Loaded : throw new InvalidOperationException($"{report.Loaded} templates streamed");
    }
}
