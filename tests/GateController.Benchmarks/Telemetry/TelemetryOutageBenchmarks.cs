using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Telemetry.Mqtt;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// The broker stopped (SIGTERM, as <c>systemctl stop mosquitto</c>) for a period under steady traffic: 100 access
/// decisions/s and 1 alarm/s reported by the door path, before, during and after the outage. A persistent subscriber
/// (clean session off, QoS 1) receives everything the broker accepts. Prints the managed heap from the moment the
/// outbox is full to the end of the outage (bounded: it must not grow), the slowest enqueue on the door path, queue
/// and drop counters, alarms delivered against alarms raised (none may be lost), and the flush time: from the
/// broker's return to the arrival of the last event queued during the outage (target ≤ 5 s).
/// The outage lasts GATECONTROLLER_OUTAGE_SECONDS (default 120 s, which fills the 10,000-event outbox; 600 for the
/// full ten minutes).
/// </summary>
[Config(typeof(InProcessOnceConfig))]
public class TelemetryOutageBenchmarks
{
    private const int DecisionsPerSecond = 100;
    private const string OutageVariable = "GATECONTROLLER_OUTAGE_SECONDS";
    private readonly Lock _traffic = new();
    private readonly Lock _deliveries = new();
    private readonly HashSet<long> _alarmsRaised = [];
    private readonly HashSet<long> _alarmsDelivered = [];
    private long _sequence;
    private long _slowestEnqueueTicks;
    private long _highestDelivered;
    private long _delivered;

    [Benchmark]
    public double BrokerDownThenFlushSeconds()
    {
        var outage = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable(OutageVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 120);
        using var broker = new BenchmarkBroker(persistent: true);
        broker.Start();
        var options = new TelemetryOptions { UnitId = "outage", BrokerHost = "127.0.0.1", BrokerPort = broker.Port };
        using var service = new TelemetryService(options, () => new HealthDocument(), new TelemetryCommandHandlers(), _ => { }, TimeProvider.System);
        using var subscriber = StartSubscriber(broker.Port, service.Topics.Events);
        using var online = new SemaphoreSlim(0);
        service.ConnectionChanged += (_, _) =>
        {
            if (service.IsConnected)
            {
                online.Release();
            }
        };
        service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Require(online.Wait(TimeSpan.FromSeconds(10)), "the service did not connect");

        var tick = 0L;
        using var traffic = TimeProvider.System.CreateTimer(_ => Report(service, Interlocked.Increment(ref tick)), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(1000 / DecisionsPerSecond));
        Thread.Sleep(TimeSpan.FromSeconds(3));

        broker.Stop();
        var outageClock = Stopwatch.StartNew();
        SpinWait.SpinUntil(() => !service.IsConnected, TimeSpan.FromSeconds(10));
        GC.Collect();
        long? heapWhenFull = null;
        var heapHighest = 0L;
        while (outageClock.Elapsed < outage)
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            if (heapWhenFull is null && service.QueuedEvents >= options.EventQueueCapacity)
            {
                heapWhenFull = GC.GetTotalMemory(forceFullCollection: true);
                heap = heapWhenFull.Value;
            }

            if (heapWhenFull is not null)
            {
                heapHighest = Math.Max(heapHighest, heap);
            }
        }

        var heapAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        var queuedAtReturn = service.QueuedEvents;
        long lastBeforeReturn;
        lock (_traffic)
        {
            lastBeforeReturn = _sequence;
        }

        broker.Start();
        var flushClock = Stopwatch.StartNew();
        Require(SpinWait.SpinUntil(() => Interlocked.Read(ref _highestDelivered) >= lastBeforeReturn, TimeSpan.FromSeconds(60)), $"the queue did not flush within 60 s (delivered up to {Interlocked.Read(ref _highestDelivered)} of {lastBeforeReturn})");
        var flushSeconds = flushClock.Elapsed.TotalSeconds;

        traffic.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        long last;
        lock (_traffic)
        {
            last = _sequence;
        }

        Require(SpinWait.SpinUntil(() => Interlocked.Read(ref _highestDelivered) >= last, TimeSpan.FromSeconds(30)), "the traffic after the return was not delivered");
        int raised;
        int lost;
        lock (_traffic)
        lock (_deliveries)
        {
            raised = _alarmsRaised.Count;
            lost = _alarmsRaised.Count(a => !_alarmsDelivered.Contains(a));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// outage {outage.TotalSeconds:0} s at {DecisionsPerSecond} decisions/s + 1 alarm/s: events raised {last}, delivered {Interlocked.Read(ref _delivered)}, queued at return {queuedAtReturn} (capacity {options.EventQueueCapacity}), dropped non-alarm {service.DroppedEvents}, dropped alarms {service.DroppedAlarms}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// alarms raised {raised}, lost {lost}; slowest enqueue on the door path {Interlocked.Read(ref _slowestEnqueueTicks) * 1e6 / Stopwatch.Frequency:0.0} us"));
        Console.WriteLine(heapWhenFull is { } full
            ? string.Create(CultureInfo.InvariantCulture, $"// managed heap: when the outbox filled {full / 1024} KiB, highest after {heapHighest / 1024} KiB, at the end {heapAtEnd / 1024} KiB (growth after full {(heapAtEnd - full) / 1024} KiB)")
            : string.Create(CultureInfo.InvariantCulture, $"// managed heap at the end of the outage {heapAtEnd / 1024} KiB (the outbox never filled)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// flush: last event queued during the outage delivered {flushSeconds:0.00} s after the broker's return (target <= 5 s)"));
        service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        subscriber.Disconnect();
        return flushSeconds;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private void Report(TelemetryService service, long tick)
    {
        var alarm = tick % DecisionsPerSecond == 0;
        var now = DateTimeOffset.UtcNow;
        var telemetryEvent = alarm
            ? new TelemetryEvent(TelemetryEventKind.DoorForced, now, "front")
            : new TelemetryEvent(tick % 10 == 0 ? TelemetryEventKind.AccessDenied : TelemetryEventKind.AccessGranted, now, "front", tick % 10 == 0 ? "unknown-credential" : null) { Method = CredentialKind.Card };
        lock (_traffic)
        {
            var started = Stopwatch.GetTimestamp();
            service.Enqueue(telemetryEvent);
            var took = Stopwatch.GetTimestamp() - started;
            _sequence++;
            if (alarm)
            {
                _alarmsRaised.Add(_sequence);
            }

            if (took > _slowestEnqueueTicks)
            {
                Interlocked.Exchange(ref _slowestEnqueueTicks, took);
            }
        }
    }

    private MosquittoClient StartSubscriber(int port, string topic)
    {
        var subscriber = new MosquittoClient("outage-subscriber", cleanSession: false);
        subscriber.SetReconnectDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), exponentialBackoff: false);
        var subscribed = new TaskCompletionSource();
        subscriber.Connected += (_, _) =>
        {
            subscriber.Subscribe(topic, MqttQualityOfService.AtLeastOnce);
            subscriber.Subscribe("outage/probe", MqttQualityOfService.AtLeastOnce);
            subscriber.Publish("outage/probe", "x"u8, MqttQualityOfService.AtLeastOnce, retain: false);
        };
        subscriber.MessageReceived += (_, e) =>
        {
            if (e.Message.Topic == "outage/probe")
            {
                subscribed.TrySetResult();
                return;
            }

            using var document = JsonDocument.Parse(e.Message.Payload);
            var sequence = document.RootElement.GetProperty("sequence").GetInt64();
            Interlocked.Increment(ref _delivered);
            if (document.RootElement.GetProperty("alarm").GetBoolean())
            {
                lock (_deliveries)
                {
                    _alarmsDelivered.Add(sequence);
                }
            }

            long highest;
            do
            {
                highest = Interlocked.Read(ref _highestDelivered);
            }
            while (sequence > highest && Interlocked.CompareExchange(ref _highestDelivered, sequence, highest) != highest);
        };
        subscriber.StartConnect("127.0.0.1", port, 30);
        subscriber.StartLoop();
        Require(subscribed.Task.Wait(TimeSpan.FromSeconds(10)), "the subscriber did not subscribe");
        return subscriber;
    }
}
