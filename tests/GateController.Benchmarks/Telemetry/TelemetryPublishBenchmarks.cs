using BenchmarkDotNet.Attributes;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Telemetry.Mqtt;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// End-to-end publishing through a real mosquitto on loopback: 1,000 events enqueued at once and received by a
/// subscriber. The time per operation is the time for 1,000 events (well under 1 s sustains 1,000 events/s).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class TelemetryPublishBenchmarks
{
    private const int EventsPerBatch = 1_000;
    private BenchmarkBroker _broker = null!;
    private TelemetryService _service = null!;
    private MosquittoClient _subscriber = null!;
    private SemaphoreSlim _received = null!;
    private TelemetryEvent _event = null!;
    private int _count;

    [GlobalSetup]
    public void Setup()
    {
        _broker = new BenchmarkBroker();
        _broker.Start();
        var options = new TelemetryOptions { UnitId = "bench", BrokerHost = "127.0.0.1", BrokerPort = _broker.Port };
        _service = new TelemetryService(options, () => new HealthDocument(), new TelemetryCommandHandlers(), _ => { }, TimeProvider.System);
        _received = new SemaphoreSlim(0);
        _subscriber = new MosquittoClient("bench-subscriber");
        var subscribed = new TaskCompletionSource();
        _subscriber.Connected += (_, _) =>
        {
            _subscriber.Subscribe(_service.Topics.Events, MqttQualityOfService.AtLeastOnce);
            _subscriber.Subscribe("bench/probe", MqttQualityOfService.AtLeastOnce);
            _subscriber.Publish("bench/probe", "x"u8, MqttQualityOfService.AtLeastOnce, false);
        };
        _subscriber.MessageReceived += (_, e) =>
        {
            if (e.Message.Topic == "bench/probe")
            {
                subscribed.TrySetResult();
            }
            else if (Interlocked.Increment(ref _count) % EventsPerBatch == 0)
            {
                _received.Release();
            }
        };
        _subscriber.StartConnect("127.0.0.1", _broker.Port, 30);
        _subscriber.StartLoop();
        subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
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
        _event = new TelemetryEvent(TelemetryEventKind.AccessGranted, DateTimeOffset.UtcNow, "front");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _service.Dispose();
        _subscriber.Dispose();
        _broker.Dispose();
    }

    [Benchmark(OperationsPerInvoke = EventsPerBatch)]
    public void Publish1000EventsEndToEnd()
    {
        for (var i = 0; i < EventsPerBatch; i++)
        {
            _service.Enqueue(_event);
        }

        if (!_received.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"only {_count} events arrived");
        }
    }
}
