using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Telemetry.Mqtt;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// Ten minutes of traffic (600,000 events at 1,000/s, one alarm in 100) while the broker is stopped, then the
/// broker returns. Prints the managed heap growth, the queue and drop counters, alarms delivered and the flush
/// time (from broker start to the last queued event received).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 2, invocationCount: 1)]
public class TelemetryOutageBenchmarks
{
    private const int Events = 600_000;

    [Benchmark]
    public double BrokerDownTenMinutesThenFlushSeconds()
    {
        using var broker = new BenchmarkBroker();
        broker.Start();
        var options = new TelemetryOptions { UnitId = "outage", BrokerHost = "127.0.0.1", BrokerPort = broker.Port, EventQueueCapacity = 10_000 };
        using var service = new TelemetryService(options, () => new HealthDocument(), new TelemetryCommandHandlers(), _ => { }, TimeProvider.System);
        var online = new SemaphoreSlim(0);
        service.ConnectionChanged += (_, _) =>
        {
            if (service.IsConnected)
            {
                online.Release();
            }
        };
        service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        online.Wait(TimeSpan.FromSeconds(10));
        broker.Stop();
        while (service.IsConnected)
        {
            Thread.Yield();
        }

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var alarm = new TelemetryEvent(TelemetryEventKind.DoorForced, DateTimeOffset.UtcNow, "front");
        var access = new TelemetryEvent(TelemetryEventKind.AccessGranted, DateTimeOffset.UtcNow, "front");
        for (var i = 0; i < Events; i++)
        {
            service.Enqueue(i % 100 == 0 ? alarm : access);
        }

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var queued = service.QueuedEvents;

        using var subscriber = new MosquittoClient("outage-subscriber");
        var received = 0;
        var alarms = 0;
        var all = new SemaphoreSlim(0);
        broker.Start();
        var clock = Stopwatch.StartNew();
        subscriber.Connected += (_, _) => subscriber.Subscribe(service.Topics.Events, MqttQualityOfService.AtLeastOnce);
        subscriber.MessageReceived += (_, e) =>
        {
            if (e.Message.Payload.Span.IndexOf("\"alarm\":true"u8) >= 0)
            {
                Interlocked.Increment(ref alarms);
            }

            if (Interlocked.Increment(ref received) == queued)
            {
                all.Release();
            }
        };
        subscriber.StartConnect("127.0.0.1", broker.Port, 30);
        subscriber.StartLoop();
        if (!all.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"flushed {received} of {queued}");
        }

        var flushSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"// outage: events {Events}, queued {queued}, dropped non-alarm {service.DroppedEvents}, dropped alarms {service.DroppedAlarms}, alarms delivered {alarms} of {Events / 100}, heap growth {(heapAfter - heapBefore) / 1024} KiB, flush {flushSeconds:F2} s");
        service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return flushSeconds;
    }
}
