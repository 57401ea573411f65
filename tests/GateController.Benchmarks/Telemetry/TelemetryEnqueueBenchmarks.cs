using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// What the door path pays to report an event: <see cref="TelemetryService.Enqueue"/> on a service whose broker
/// is away (the worst case: nothing drains), and the outbox alone. The event object is made once, as the door
/// path makes it anyway.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TelemetryEnqueueBenchmarks
{
    private TelemetryService _service = null!;
    private TelemetryOutbox _outbox = null!;
    private TelemetryEvent _event = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new TelemetryOptions { UnitId = "bench", BrokerHost = "127.0.0.1", BrokerPort = 1, EventQueueCapacity = 10_000 };
        _service = new TelemetryService(options, () => new HealthDocument(), new TelemetryCommandHandlers(), _ => { }, TimeProvider.System);
        _outbox = new TelemetryOutbox(10_000);
        _event = new TelemetryEvent(TelemetryEventKind.AccessGranted, DateTimeOffset.UtcNow, "front") { Method = CredentialKind.Card, ResidentId = ResidentId.Parse("R0042") };
        for (var i = 0; i < 10_000; i++)
        {
            _service.Enqueue(_event);
            _outbox.Enqueue(_event);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _service.Dispose();

    /// <summary>The door path's call, queue full (each call also drops the oldest non-alarm).</summary>
    [Benchmark(Baseline = true)]
    public void ServiceEnqueue_QueueFull() => _service.Enqueue(_event);

    /// <summary>The outbox alone.</summary>
    [Benchmark]
    public long OutboxEnqueue_QueueFull() => _outbox.Enqueue(_event);

    /// <summary>Making the event plus enqueueing it.</summary>
    [Benchmark]
    public void CreateAndEnqueue() =>
        _service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessDenied, DateTimeOffset.UtcNow, "front", "unknown-credential") { Method = CredentialKind.Card });
}
