using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Records;

namespace GateController.Benchmarks.Storage;

/// <summary>Appending one access event, durable with synchronous=FULL (target: p99 ≤ 2 ms).</summary>
[Config(typeof(SingleOperationConfig))]
public class StoreAccessEventBenchmarks
{
    private static readonly ResidentId Resident = ResidentId.Parse("R000042");

    private StoreBenchmarkHost? _host;

    [GlobalSetup]
    public void Setup() => _host = new StoreBenchmarkHost();

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark]
    public void AppendAccessEvent() =>
        _host!.Store.AppendAccessEvent(new AccessEventRecord(DateTimeOffset.UtcNow, "main", CredentialKind.Card, Resident, true, "granted"));
}
