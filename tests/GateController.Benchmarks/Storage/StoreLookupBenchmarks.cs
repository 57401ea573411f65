using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;

namespace GateController.Benchmarks.Storage;

/// <summary>Card lookup by UID and PIN-only lookup with 50,000 residents (targets: p99 ≤ 200 µs and ≤ 1 ms).</summary>
[Config(typeof(SingleOperationConfig))]
public class StoreLookupBenchmarks
{
    private const int Residents = 50_000;

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

    [Benchmark]
    public bool CardLookupByUid()
    {
        var found = _host!.Store.TryFindCard(CardFormat.Mifare, _uids[_next++ & 8191], out _);
        return found ? found : throw new InvalidOperationException("card not found");
    }

    [Benchmark]
    public bool PinOnlyLookup()
    {
        var found = _host!.Store.TryFindResidentByPin(_pins[_next++ & 8191], out _);
        return found ? found : throw new InvalidOperationException("PIN not found");
    }
}
