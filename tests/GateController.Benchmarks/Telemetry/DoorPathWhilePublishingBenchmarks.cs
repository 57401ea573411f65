using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// A stand-in card decision (keyed hash of the UID, as the store does, a table lookup) plus reporting its event,
/// with and without 1,000 events/s being published to a real broker in the background. The decision
/// itself is not Telemetry's; the comparison shows what publishing adds to the door path.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[BenchmarkDotNet.Attributes.MinColumn]
[BenchmarkDotNet.Attributes.MaxColumn]
[BenchmarkDotNet.Attributes.MedianColumn]
public class DoorPathWhilePublishingBenchmarks
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _uid = [0x12, 0x34, 0x56, 0x78];
    private readonly byte[] _hash = new byte[32];
    private Dictionary<string, int> _cards = null!;
    private BenchmarkBroker _broker = null!;
    private TelemetryService _service = null!;
    private ITimer? _background;
    private TelemetryEvent _event = null!;

    [Params(false, true)]
    public bool Publishing1000PerSecond { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cards = Enumerable.Range(0, 1000).ToDictionary(i => Convert.ToHexString(HMACSHA256.HashData(_key, BitConverter.GetBytes(i))), i => i);
        _broker = new BenchmarkBroker();
        _broker.Start();
        var options = new TelemetryOptions { UnitId = "door", BrokerHost = "127.0.0.1", BrokerPort = _broker.Port };
        _service = new TelemetryService(options, () => new HealthDocument(), new TelemetryCommandHandlers(), _ => { }, TimeProvider.System);
        var online = new TaskCompletionSource();
        _service.ConnectionChanged += (_, _) =>
        {
            if (_service.IsConnected)
            {
                online.TrySetResult();
            }
        };
        _service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        online.Task.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        _event = new TelemetryEvent(TelemetryEventKind.AccessDenied, DateTimeOffset.UtcNow, "front", "unknown-credential");
        if (Publishing1000PerSecond)
        {
            var background = new TelemetryEvent(TelemetryEventKind.AccessGranted, DateTimeOffset.UtcNow, "side");
            // 10 events every 10 ms: 1,000 events/s.
            _background = TimeProvider.System.CreateTimer(_ =>
            {
                for (var i = 0; i < 10; i++)
                {
                    _service.Enqueue(background);
                }
            }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _background?.Dispose();
        _service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _service.Dispose();
        _broker.Dispose();
    }

    [Benchmark]
    public bool CardDecisionAndReport()
    {
        HMACSHA256.HashData(_key, _uid, _hash);
        var known = _cards.ContainsKey(Convert.ToHexString(_hash));
        _service.Enqueue(_event);
        return known;
    }
}
