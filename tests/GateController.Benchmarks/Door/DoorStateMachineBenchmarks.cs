using BenchmarkDotNet.Attributes;
using GateController.Core.Door;
using GateController.Simulation.Time;

namespace GateController.Benchmarks.Door;

/// <summary>
/// Cost of the door state machine's transitions on the path from an access decision to the relay output
/// (the handler stands in for the GPIO write). Expected: well under a microsecond and no allocations.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DoorStateMachineBenchmarks
{
    private ManualTimeProvider _clock = null!;
    private DoorStateMachine _manualClockDoor = null!;
    private DoorStateMachine _systemClockDoor = null!;
    private bool _relay;

    [GlobalSetup]
    public void Setup()
    {
        _clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8)));
        _manualClockDoor = new DoorStateMachine(new DoorOptions(), _clock);
        _manualClockDoor.OutputsChanged += (_, outputs) => _relay = outputs.RelayEnergised;
        _systemClockDoor = new DoorStateMachine(new DoorOptions(), TimeProvider.System);
        _systemClockDoor.OutputsChanged += (_, outputs) => _relay = outputs.RelayEnergised;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _manualClockDoor.Dispose();
        _systemClockDoor.Dispose();
    }

    /// <summary>A passage: grant, door opens, door closes and the lock re-engages.</summary>
    [Benchmark]
    public bool GrantOpenCloseRelock()
    {
        _manualClockDoor.Grant();
        _manualClockDoor.DoorContactChanged(open: true);
        _manualClockDoor.DoorContactChanged(open: false);
        _clock.Advance(TimeSpan.FromSeconds(2));
        return _relay;
    }

    /// <summary>A grant nobody uses: the pulse's timer relocks the door.</summary>
    [Benchmark]
    public bool GrantThenPulseTimeout()
    {
        _manualClockDoor.Grant();
        _clock.Advance(TimeSpan.FromSeconds(6));
        return _relay;
    }

    /// <summary>Grant and relock on the system clock's real timers (arming and cancelling them).</summary>
    [Benchmark]
    public bool GrantThenRelockSystemClock()
    {
        _systemClockDoor.Grant();
        _systemClockDoor.RelockNow();
        return _relay;
    }
}
