using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;

namespace GateController.Benchmarks.Storage;

/// <summary>Card lookup by UID and PIN-only lookup with 50,000 residents (targets: p99 ≤ 200 µs and ≤ 1 ms).</summary>
[Config(typeof(SingleOperationConfig))]
public class StoreLookupBenchmarks
{
    private const int Residents = 50_000;
    private const int Batch = 256;

    private StoreBenchmarkHost? _host;
    private byte[][] _uids = [];
    private string[] _pins = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = new StoreBenchmarkHost();
        _host.Store.ImportResidents(StoreBenchmarkHost.Rows(Residents), "bench");
        _host.Reopen();
        var random = new Random(7);
        _uids = Enumerable.Range(0, 8192).Select(_ => StoreBenchmarkHost.Uid(random.Next(Residents))).ToArray();
        _pins = Enumerable.Range(0, 8192).Select(_ => StoreBenchmarkHost.Pin(random.Next(Residents))).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(OperationsPerInvoke = Batch)]
    public void CardLookupByUid()
    {
        var samples = LatencyRecorder.For(nameof(CardLookupByUid));
        for (var i = 0; i < Batch; i++)
        {
            var uid = _uids[_next++ & 8191];
            var start = Stopwatch.GetTimestamp();
            var found = _host!.Store.TryFindCard(CardFormat.Mifare, uid, out _);
            samples.Add(Stopwatch.GetTimestamp() - start);
            if (!found)
            {
                throw new InvalidOperationException("card not found");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void PinOnlyLookup()
    {
        var samples = LatencyRecorder.For(nameof(PinOnlyLookup));
        for (var i = 0; i < Batch; i++)
        {
            var pin = _pins[_next++ & 8191];
            var start = Stopwatch.GetTimestamp();
            var found = _host!.Store.TryFindResidentByPin(pin, out _);
            samples.Add(Stopwatch.GetTimestamp() - start);
            if (!found)
            {
                throw new InvalidOperationException("PIN not found");
            }
        }
    }
}
