using System.Diagnostics;
using System.Globalization;
using System.Numerics;
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

namespace GateController.Benchmarks.Hardware;

/// <summary>
/// The whole door path with the system clock: a resident's 26-bit card as Wiegand edges on the simulated chip → the
/// real reader closes the frame after the 25 ms gap and presents it → the access pipeline's queue and decision loop →
/// the simulated gate's decision (directory, keypad tracker, AccessPolicy.Decide) → the door controller → the door
/// state machine → DoorIo writes the relay line. Target: credential presented → relay line written, p99 ≤ 5 ms.
/// BenchmarkDotNet's time per card includes the inter-frame gap; the cleanup prints the percentiles of
/// "credential presented → relay written" and "last edge → relay written" over every card.
/// </summary>
[Config(typeof(InProcessSingleInvocationConfig))]
[MinColumn]
[MaxColumn]
[MedianColumn]
public class CardToRelayBenchmark
{
    private const int CardsPerInvocation = 150;
    private const int RelayLine = 17;

    private readonly CancellationTokenSource _stop = new();
    private readonly List<long> _presentedToRelayTicks = [];
    private readonly List<long> _lastEdgeToRelayTicks = [];
    private readonly SemaphoreSlim _relayWritten = new(0);
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

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
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
            return DoorResponses.From(decision.Decision, decision.LockedOut);
        }, new AccessPipelineOptions(), time);
        _transmitter = new SimulatedWiegandTransmitter(driver, 5, 6);
        _frame = H10301(0x2A, 0x3039);
        _run = _pipeline.RunAsync(_stop.Token);
    }

    [Benchmark(OperationsPerInvoke = CardsPerInvocation, Description = "card (Wiegand edges) -> relay line high, incl. 25 ms gap")]
    public void CardToRelay()
    {
        for (var i = 0; i < CardsPerInvocation; i++)
        {
            _transmitter.SendNow(_frame, 26);
            var sentAt = Stopwatch.GetTimestamp();
            if (!_relayWritten.Wait(TimeSpan.FromSeconds(2)))
            {
                throw new InvalidOperationException($"no relay write within 2 s (decided {_pipeline.CredentialsDecided}, faults {_pipeline.DecisionFaults}/{_pipeline.DoorFaults})");
            }

            _presentedToRelayTicks.Add(_relayAt - _presentedAt);
            _lastEdgeToRelayTicks.Add(_relayAt - sentAt);
            _machine.RelockNow();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _run.GetAwaiter().GetResult();
        Report("credential presented -> relay line written", _presentedToRelayTicks);
        Report("last Wiegand edge -> relay line written (includes the 25 ms gap)", _lastEdgeToRelayTicks);
        Console.WriteLine($"// decided {_pipeline.CredentialsDecided}, dropped {_pipeline.CredentialsDropped}, faults decision/door/handler {_pipeline.DecisionFaults}/{_pipeline.DoorFaults}/{_pipeline.HandlerFaults}, door output faults {_door.OutputFaults}");
        _pipeline.Dispose();
        _door.Dispose();
        _reader.Dispose();
        _machine.Dispose();
        _controller.Dispose();
        _relayWritten.Dispose();
        _stop.Dispose();
    }

    private static void Report(string what, List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return;
        }

        var sorted = ticks.Order().ToArray();
        string Ms(double p) => (sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency).ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"// {what}: n={sorted.Length} p50={Ms(0.50)} ms p90={Ms(0.90)} ms p99={Ms(0.99)} ms max={Ms(1.0)} ms");
    }

    /// <summary>A 26-bit H10301 frame with its parity bits.</summary>
    internal static ulong H10301(int facility, int card)
    {
        var data = ((ulong)facility << 16) | (uint)card;
        var even = (ulong)(BitOperations.PopCount(data >> 12) & 1);
        var odd = (ulong)(1 - (BitOperations.PopCount(data & 0xFFF) & 1));
        return (even << 25) | (data << 1) | odd;
    }
}
