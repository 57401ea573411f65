using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Hardware.Gate;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;
using GateController.Simulation.Access;
using GateController.Simulation.Gpio;
using GateController.Simulation.Scenarios;
using GateController.Simulation.Wiegand;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Benchmarks.Hardware;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// Card decisions on the whole door path (Wiegand edges on the simulated chip → reader → access pipeline → the
/// simulated gate's decision → door controller → relay line), each decision also reported to a TelemetryService
/// connected to a real mosquitto on loopback, without and with 1,000 further events/s published in the background.
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
    private const int RelayLine = 17;
    private static double? _quietP99Milliseconds;

    private readonly CancellationTokenSource _stop = new();
    private readonly List<long> _presentedToRelayTicks = [];
    private readonly SemaphoreSlim _relayWritten = new(0);
    private BenchmarkBroker _broker = null!;
    private TelemetryService _telemetry = null!;
    private ITimer? _background;
    private GpioController _controller = null!;
    private DoorStateMachine _machine = null!;
    private DoorController _door = null!;
    private WiegandReader _reader = null!;
    private AccessPipeline _pipeline = null!;
    private SimulatedWiegandTransmitter _transmitter = null!;
    private Task _run = Task.CompletedTask;
    private long _presentedAt;
    private long _relayAt;
    private ulong _frame;

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

        var driver = new SimulatedGpioDriver(28, time);
        _controller = new GpioController(driver);
        driver.SetInput(24, PinValue.Low);
        driver.SetInput(4, PinValue.Low);
        driver.SetInput(15, PinValue.Low);
        _machine = new DoorStateMachine(DemoCommunity.DoorOptions(), time);
        var gate = DemoCommunity.CreateGate(DemoCommunity.CreateDirectory(time.GetUtcNow().AddDays(-1)), _machine, time);
        _door = new DoorController(new DoorIo(_controller, new DoorIoOptions(), time), _machine);
        _door.Start();
        driver.OutputChanged += (_, change) =>
        {
            if (change.PinNumber == RelayLine && change.IsDriven && change.Value.IsHigh)
            {
                _relayAt = Stopwatch.GetTimestamp();
                _relayWritten.Release();
            }
        };

        _reader = new WiegandReader(DemoCommunity.ReaderId, _controller, new WiegandReaderOptions { Data0Pin = 5, Data1Pin = 6, InterFrameGapMilliseconds = 25 }, time);
        _reader.CredentialPresented += (_, _) => _presentedAt = Stopwatch.GetTimestamp();
        _pipeline = new AccessPipeline(_door, [_reader], credential =>
        {
            var decision = gate.Decide(credential);
            var kind = decision.Granted ? TelemetryEventKind.AccessGranted : TelemetryEventKind.AccessDenied;
            var reason = decision.Granted ? null : TelemetryEventMapper.ReasonCode(decision.Reason);
            _telemetry.Enqueue(new TelemetryEvent(kind, time.GetUtcNow(), "front", reason) { Method = TelemetryEventMapper.CredentialKindOf(decision.Decision.Method) });
            return DoorResponses.From(decision.Decision, decision.LockedOut);
        }, new AccessPipelineOptions(), time);
        _transmitter = new SimulatedWiegandTransmitter(driver, 5, 6);
        _frame = CardToRelayBenchmark.H10301(0x2A, 0x3039);
        _run = _pipeline.RunAsync(_stop.Token);
    }

    [Benchmark(OperationsPerInvoke = CardsPerInvocation, Description = "card (Wiegand edges) -> decision + event -> relay line high, incl. 25 ms gap")]
    public void CardDecisionToRelay()
    {
        for (var i = 0; i < CardsPerInvocation; i++)
        {
            _transmitter.SendNow(_frame, 26);
            if (!_relayWritten.Wait(TimeSpan.FromSeconds(2)))
            {
                throw new InvalidOperationException($"no relay write within 2 s (decided {_pipeline.CredentialsDecided}, faults {_pipeline.DecisionFaults}/{_pipeline.DoorFaults})");
            }

            _presentedToRelayTicks.Add(_relayAt - _presentedAt);
            _machine.RelockNow();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _background?.Dispose();
        _stop.Cancel();
        _run.GetAwaiter().GetResult();
        var p99 = Report(_presentedToRelayTicks);
        Console.WriteLine($"// telemetry: published {_telemetry.PublishedEvents}, queued {_telemetry.QueuedEvents}, dropped {_telemetry.DroppedEvents}; decided {_pipeline.CredentialsDecided}, faults decision/door {_pipeline.DecisionFaults}/{_pipeline.DoorFaults}");
        if (!Publishing1000PerSecond)
        {
            _quietP99Milliseconds = p99;
        }
        else if (_quietP99Milliseconds is { } quiet && p99 is { } busy)
        {
            Console.WriteLine($"// p99 change while publishing 1,000 events/s: {(busy - quiet) / quiet * 100:+0.0;-0.0} % ({quiet:0.000} -> {busy:0.000} ms; target <= +10 %)");
        }

        _telemetry.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _telemetry.Dispose();
        _broker.Dispose();
        _pipeline.Dispose();
        _door.Dispose();
        _reader.Dispose();
        _machine.Dispose();
        _controller.Dispose();
        _relayWritten.Dispose();
        _stop.Dispose();
    }

    private double? Report(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return null;
        }

        var sorted = ticks.Order().ToArray();
        double Ms(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        string Text(double p) => Ms(p).ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"// publishing 1,000/s: {Publishing1000PerSecond}; credential presented -> relay line written: n={sorted.Length} p50={Text(0.50)} ms p90={Text(0.90)} ms p99={Text(0.99)} ms max={Text(1.0)} ms");
        return Ms(0.99);
    }
}
