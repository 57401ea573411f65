using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GateController.Benchmarks.Storage;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Storage.Access;

namespace GateController.Benchmarks.Access;

/// <summary>
/// AccessGate.Decide over StoreAccessDirectory with 50,000 residents: a card and a PIN decided against the real store
/// (card: keyed-hash lookup, resident, face consent; PIN: keyed-hash lookup, resident, face consent), p50/p99 per decision.
/// </summary>
[Config(typeof(SingleOperationConfig))]
public class AccessGateStoreBenchmarks
{
    private const int Residents = 50_000;
    private const int Batch = 256;

    private StoreBenchmarkHost? _host;
    private AccessGate? _gate;
    private CredentialPresented[] _cards = [];
    private CredentialPresented[] _pins = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = new StoreBenchmarkHost();
        _host.Store.ImportResidents(StoreBenchmarkHost.Rows(Residents), "bench");
        _host.Reopen();
        var options = new AccessGateOptions
        {
            DefaultPolicy = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = DoorId.Parse("north-gate"), Methods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.VisitorCode }),
        };
        _gate = new AccessGate(new StoreAccessDirectory(_host.Store), options, TimeProvider.System);
        var random = new Random(11);
        var at = DateTimeOffset.UtcNow;
        _cards = Enumerable.Range(0, 8192).Select(_ => CredentialPresented.ForCard("front", CardFormat.Mifare, StoreBenchmarkHost.Uid(random.Next(Residents)), at)).ToArray();
        _pins = Enumerable.Range(0, 8192).Select(_ => CredentialPresented.ForPin("front", StoreBenchmarkHost.Pin(random.Next(Residents)), at)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(OperationsPerInvoke = Batch)]
    public void DecideCard()
    {
        var samples = LatencyRecorder.For(nameof(DecideCard));
        for (var i = 0; i < Batch; i++)
        {
            var card = _cards[_next++ & 8191];
            var start = Stopwatch.GetTimestamp();
            var decision = _gate!.Decide(card);
            samples.Add(Stopwatch.GetTimestamp() - start);
            if (!decision.IsGranted)
            {
                throw new InvalidOperationException($"card refused: {decision}");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void DecidePin()
    {
        var samples = LatencyRecorder.For(nameof(DecidePin));
        for (var i = 0; i < Batch; i++)
        {
            var pin = _pins[_next++ & 8191];
            var start = Stopwatch.GetTimestamp();
            var decision = _gate!.Decide(pin);
            samples.Add(Stopwatch.GetTimestamp() - start);
            if (!decision.IsGranted)
            {
                throw new InvalidOperationException($"PIN refused: {decision}");
            }
        }
    }
}
