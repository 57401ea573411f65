using System.Globalization;
using BenchmarkDotNet.Attributes;
using GateController.Benchmarks.Hardware;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// Card decisions on the whole door path (<see cref="BenchmarkDoorPath"/>: Wiegand edges → reader → access pipeline →
/// decision → door controller → relay line), each decision also reported to a TelemetryService connected to a real
/// mosquitto on loopback, without and with 1,000 further events/s published in the background.
/// Target: the p99 of "credential presented → relay line written" changes by at most 10 % while publishing.
/// The cleanup prints the percentiles of each case and, after the second, the p99 change.
/// </summary>
[Config(typeof(InProcessSingleInvocationConfig))]
[MinColumn]
[MaxColumn]
[MedianColumn]
public class CardDecisionWhilePublishingBenchmark
{
    private const int CardsPerInvocation = 150;
    private static double? _quietP99Milliseconds;

    private readonly List<long> _presentedToRelayTicks = [];
    private BenchmarkBroker _broker = null!;
    private TelemetryService _telemetry = null!;
    private ITimer? _background;
    private BenchmarkDoorPath _path = null!;

    /// <summary>Whether 1,000 further events/s are published while the cards are decided.</summary>
    [Params(false, true)]
    public bool Publishing1000PerSecond { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        _broker = new BenchmarkBroker();
        _broker.Start();
        _telemetry = new TelemetryService(new TelemetryOptions { UnitId = "door", BrokerHost = "127.0.0.1", BrokerPort = _broker.Port }, () => new HealthDocument(), new TelemetryCommandHandlers(), _ => { }, time);
        var online = new TaskCompletionSource();
        _telemetry.ConnectionChanged += (_, _) =>
        {
            if (_telemetry.IsConnected)
            {
                online.TrySetResult();
            }
        };
        _telemetry.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        online.Task.WaitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        if (Publishing1000PerSecond)
        {
            var background = new TelemetryEvent(TelemetryEventKind.AccessGranted, time.GetUtcNow(), "side");
            // 10 events every 10 ms: 1,000 events/s.
            _background = time.CreateTimer(_ =>
            {
                for (var i = 0; i < 10; i++)
                {
                    _telemetry.Enqueue(background);
                }
            }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
        }

        _path = new BenchmarkDoorPath(decision =>
        {
            var kind = decision.Granted ? TelemetryEventKind.AccessGranted : TelemetryEventKind.AccessDenied;
            var reason = decision.Granted ? null : TelemetryEventMapper.ReasonCode(decision.Reason);
            _telemetry.Enqueue(new TelemetryEvent(kind, time.GetUtcNow(), "front", reason) { Method = TelemetryEventMapper.CredentialKindOf(decision.Decision.Method) });
        });
    }

    [Benchmark(OperationsPerInvoke = CardsPerInvocation, Description = "card (Wiegand edges) -> decision + event -> relay line high, incl. 25 ms gap")]
    public void CardDecisionToRelay()
    {
        for (var i = 0; i < CardsPerInvocation; i++)
        {
            _presentedToRelayTicks.Add(_path.PresentCard().PresentedToRelayTicks);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _background?.Dispose();
        var p99 = CardToRelayBenchmark.Report($"publishing 1,000/s: {Publishing1000PerSecond}; credential presented -> relay line written", _presentedToRelayTicks);
        Console.WriteLine($"// telemetry: published {_telemetry.PublishedEvents}, queued {_telemetry.QueuedEvents}, dropped {_telemetry.DroppedEvents}; {_path.Counters}");
        if (!Publishing1000PerSecond)
        {
            _quietP99Milliseconds = p99;
        }
        else if (_quietP99Milliseconds is { } quiet && p99 is { } busy)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// p99 change while publishing 1,000 events/s: {(busy - quiet) / quiet * 100:+0.0;-0.0} % ({quiet:0.000} -> {busy:0.000} ms; target <= +10 %)"));
        }

        _path.Dispose();
        _telemetry.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _telemetry.Dispose();
        _broker.Dispose();
    }
}
