using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Readers;
using GateController.Simulation.Access;
using GateController.Simulation.Scenarios;
using GateController.Simulation.Time;

namespace GateController.Benchmarks.Simulation;

/// <summary>
/// Cost of the simulated gate's whole decision path (directory lookup with PIN hashing, keypad tracker,
/// AccessPolicy.Decide) and of playing the whole demonstration. The simulation is not on the unit's hot path;
/// these figures show the demo and the tests built on it stay cheap.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SimulatedGateBenchmarks
{
    private SimulatedGate _gate = null!;
    private DoorStateMachine _door = null!;
    private CredentialPresented _card = null!;
    private CredentialPresented _unknownCard = null!;
    private CredentialPresented _pin = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new ManualTimeProvider(DemoScenario.Start);
        _door = new DoorStateMachine(DemoCommunity.DoorOptions(), clock);
        _gate = DemoCommunity.CreateGate(DemoCommunity.CreateDirectory(DemoScenario.Start), _door, clock);
        _card = CredentialPresented.ForCard(DemoCommunity.ReaderId, CardFormat.Wiegand26, [0x2A, 0x30, 0x39], DemoScenario.Start);
        _unknownCard = CredentialPresented.ForCard(DemoCommunity.ReaderId, CardFormat.Wiegand26, [0x7F, 0x01, 0x02], DemoScenario.Start);
        _pin = CredentialPresented.ForPin(DemoCommunity.ReaderId, "739215", DemoScenario.Start);
    }

    [GlobalCleanup]
    public void Cleanup() => _door.Dispose();

    /// <summary>A resident's card, granted.</summary>
    [Benchmark]
    public bool DecideCardGranted() => _gate.Decide(_card).Granted;

    /// <summary>An unknown card, refused.</summary>
    [Benchmark]
    public bool DecideUnknownCard() => _gate.Decide(_unknownCard).Granted;

    /// <summary>A resident's PIN, granted (hashing the digits, then the duress form is not needed).</summary>
    [Benchmark]
    public bool DecidePinGranted() => _gate.Decide(_pin).Granted;

    /// <summary>The whole demonstration: policy checks and 50 timeline steps, printed to nowhere.</summary>
    [Benchmark]
    public bool PlayDemonstration() => DemoScenario.Run(TextWriter.Null).Passed;
}
