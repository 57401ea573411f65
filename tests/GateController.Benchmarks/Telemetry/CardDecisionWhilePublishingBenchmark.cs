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
/// The cleanup prints the percentiles of each case, the garbage collections and their pauses during the case, the
/// telemetry threads' nice values and, once both cases of a broker priority ran, the p99 change. On a unit the broker
/// runs elsewhere; here it shares the cores, so it runs once at nice 10 and once at the benchmark's own priority (0).
/// </summary>
[Config(typeof(InProcessSingleInvocationConfig))]
[MinColumn]
[MaxColumn]
[MedianColumn]
public class CardDecisionWhilePublishingBenchmark
{
    private const int CardsPerInvocation = 300;
    private const int WarmUpCards = 500;
    private static readonly Dictionary<int, double> QuietP99Milliseconds = [];
    private static bool _warmedUp;
    private static readonly Dictionary<int, double> BusyP99Milliseconds = [];

    private readonly List<long> _presentedToRelayTicks = [];
    private BenchmarkBroker _broker = null!;
    private TelemetryService _telemetry = null!;
    private ITimer? _background;
    private BenchmarkDoorPath _path = null!;
    private readonly int[] _collections = new int[3];
    private TimeSpan _pause;

    /// <summary>Whether 1,000 further events/s are published while the cards are decided.</summary>
    [Params(false, true)]
    public bool Publishing1000PerSecond { get; set; }

    /// <summary>The broker process's nice value: 10 (it stands in for a broker off the unit) or 0 (as the benchmark).</summary>
    [Params(10, 0)]
    public int BrokerNice { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        _broker = new BenchmarkBroker(nice: BrokerNice);
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

        // The first case of a process showed the highest p99 in every run (JIT, caches): warm the whole path once, unrecorded.
        if (!_warmedUp)
        {
            for (var i = 0; i < WarmUpCards; i++)
            {
                _path.PresentCard();
            }

            _warmedUp = true;
        }
    }

    [Benchmark(OperationsPerInvoke = CardsPerInvocation, Description = "card (Wiegand edges) -> decision + event -> relay line high, incl. 25 ms gap")]
    public void CardDecisionToRelay()
    {
        // Collections counted while the cards run only (the harness collects between iterations).
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        for (var i = 0; i < CardsPerInvocation; i++)
        {
            _presentedToRelayTicks.Add(_path.PresentCard().PresentedToRelayTicks);
        }

        _collections[0] += GC.CollectionCount(0) - collections.Item1;
        _collections[1] += GC.CollectionCount(1) - collections.Item2;
        _collections[2] += GC.CollectionCount(2) - collections.Item3;
        _pause += GC.GetTotalPauseDuration() - pause;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _background?.Dispose();
        var p99 = CardToRelayBenchmark.Report($"publishing 1,000/s: {Publishing1000PerSecond}, broker nice {BrokerNice}; credential presented -> relay line written", _presentedToRelayTicks);
        Console.WriteLine($"// telemetry: published {_telemetry.PublishedEvents}, queued {_telemetry.QueuedEvents}, dropped {_telemetry.DroppedEvents}, publishing passes {_telemetry.DrainPasses}; {_path.Counters}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// GC while cards ran: gen0/1/2 {_collections[0]}/{_collections[1]}/{_collections[2]}, paused {_pause.TotalMilliseconds:0.0} ms; nice of the publishing thread {ThreadNiceOf(_telemetry.DrainThreadId)}, of the network thread {ThreadNiceOf(_telemetry.NetworkThreadId)}; load {File.ReadAllText("/proc/loadavg").Trim()}"));
        if (p99 is { } measured)
        {
            (Publishing1000PerSecond ? BusyP99Milliseconds : QuietP99Milliseconds)[BrokerNice] = measured;
        }

        if (QuietP99Milliseconds.TryGetValue(BrokerNice, out var quiet) && BusyP99Milliseconds.TryGetValue(BrokerNice, out var busy))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// p99 change while publishing 1,000 events/s, broker nice {BrokerNice}: {(busy - quiet) / quiet * 100:+0.0;-0.0} % ({quiet:0.000} -> {busy:0.000} ms; target <= +10 %)"));
        }

        _path.Dispose();
        _telemetry.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _telemetry.Dispose();
        _broker.Dispose();
    }

    /// <summary>Field 19 (nice) of /proc/self/task/&lt;tid&gt;/stat, or "?" when the thread is unknown or gone.</summary>
    private static string ThreadNiceOf(int threadId)
    {
        var path = $"/proc/self/task/{threadId}/stat";
        if (threadId == 0 || !File.Exists(path))
        {
            return "?";
        }

        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[19 - 3];
    }
}
