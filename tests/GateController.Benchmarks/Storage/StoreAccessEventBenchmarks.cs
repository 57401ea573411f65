using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Records;

namespace GateController.Benchmarks.Storage;

/// <summary>Appending one access event, durable with synchronous=FULL (target: p99 ≤ 2 ms).</summary>
[Config(typeof(SingleOperationConfig))]
public class StoreAccessEventBenchmarks
{
    private const int Batch = 256;

    private static readonly ResidentId Resident = ResidentId.Parse("R000042");

    private StoreBenchmarkHost? _host;

    [GlobalSetup]
    public void Setup() => _host = new StoreBenchmarkHost();

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(OperationsPerInvoke = Batch)]
    public void AppendAccessEvent()
    {
        var samples = LatencyRecorder.For(nameof(AppendAccessEvent));
        for (var i = 0; i < Batch; i++)
        {
            var accessEvent = new AccessEventRecord(DateTimeOffset.UtcNow, "main", CredentialKind.Card, Resident, true, "granted");
            var start = Stopwatch.GetTimestamp();
            _host!.Store.AppendAccessEvent(accessEvent);
            samples.Add(Stopwatch.GetTimestamp() - start);
        }
    }
}
