using System.Diagnostics;
using System.Numerics;
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
/// The whole door path on the system clock, for the benchmarks: a resident's 26-bit card as Wiegand edges on the
/// simulated chip → the real reader closes the frame after the 25 ms gap → the access pipeline's queue and decision
/// loop → the simulated gate's decision (directory, keypad tracker, AccessPolicy.Decide) → the door controller → the
/// door state machine → DoorIo writes the relay line.
/// </summary>
public sealed class BenchmarkDoorPath : IDisposable
{
    private const int RelayLine = 17;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _relayWritten = new(0);
    private readonly GpioController _controller;
    private readonly DoorStateMachine _machine;
    private readonly DoorController _door;
    private readonly WiegandReader _reader;
    private readonly AccessPipeline _pipeline;
    private readonly SimulatedWiegandTransmitter _transmitter;
    private readonly ulong _frame = H10301(0x2A, 0x3039);
    private readonly Task _run;
    private long _presentedAt;
    private long _relayAt;

    /// <summary>Builds and starts the path; <paramref name="onDecision"/> sees every decision before the door acts on it.</summary>
    public BenchmarkDoorPath(Action<ScenarioDecision>? onDecision = null)
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
            onDecision?.Invoke(decision);
            return DoorResponses.From(decision.Decision, decision.LockedOut);
        }, new AccessPipelineOptions(), time);
        _transmitter = new SimulatedWiegandTransmitter(driver, 5, 6);
        _run = _pipeline.RunAsync(_stop.Token);
    }

    /// <summary>The pipeline's counters, one line.</summary>
    public string Counters =>
        $"decided {_pipeline.CredentialsDecided}, dropped {_pipeline.CredentialsDropped}, faults decision/door/handler {_pipeline.DecisionFaults}/{_pipeline.DoorFaults}/{_pipeline.HandlerFaults}, door output faults {_door.OutputFaults}";

    /// <summary>Sends the card, waits for the relay line, relocks; returns the ticks from "credential presented" and from the last edge to the relay write.</summary>
    public (long PresentedToRelayTicks, long LastEdgeToRelayTicks) PresentCard()
    {
        _transmitter.SendNow(_frame, 26);
        var sentAt = Stopwatch.GetTimestamp();
        if (!_relayWritten.Wait(TimeSpan.FromSeconds(2)))
        {
            throw new InvalidOperationException($"no relay write within 2 s ({Counters})");
        }

        var result = (_relayAt - _presentedAt, _relayAt - sentAt);
        _machine.RelockNow();
        return result;
    }

    /// <summary>Stops the pipeline and frees the path.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _run.GetAwaiter().GetResult();
        _pipeline.Dispose();
        _door.Dispose();
        _reader.Dispose();
        _machine.Dispose();
        _controller.Dispose();
        _relayWritten.Dispose();
        _stop.Dispose();
    }

    private static ulong H10301(int facility, int card)
    {
        var data = ((ulong)facility << 16) | (uint)card;
        var even = (ulong)(BitOperations.PopCount(data >> 12) & 1);
        var odd = (ulong)(1 - (BitOperations.PopCount(data & 0xFFF) & 1));
        return (even << 25) | (data << 1) | odd;
    }
}
