using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;
using GateController.Simulation.Gpio;
using GateController.Simulation.Wiegand;

namespace GateController.Benchmarks.Hardware;

/// <summary>
/// One second of garbage at 10,000 edges/s (paced in real time) on one Wiegand reader's lines while a second reader
/// on other lines of the same chip reads a good card. Checks: memory flat (allocated per op, no Gen2), every garbage
/// frame rejected with a reason, the other reader unaffected, the flooded reader reports Flooding.
/// </summary>
[Config(typeof(InProcessSingleInvocationConfig))]
[MemoryDiagnoser]
public class WiegandGarbageBenchmark
{
    private const int EdgesPerSecond = 10_000;

    private readonly CancellationTokenSource _stop = new();
    private SimulatedGpioDriver _driver = null!;
    private GpioController _controller = null!;
    private WiegandReader _flooded = null!;
    private WiegandReader _other = null!;
    private SimulatedWiegandTransmitter _otherTransmitter = null!;
    private Task[] _runs = [];
    private long _credentialsOnFlooded;
    private long _rejectedWithoutReason;
    private long _otherCards;
    private long _ops;
    private ReaderState _floodedStateDuringFlood;

    [GlobalSetup]
    public void Setup()
    {
        _driver = new SimulatedGpioDriver(28, TimeProvider.System);
        _controller = new GpioController(_driver);
        _flooded = new WiegandReader("flooded", _controller, new WiegandReaderOptions { Data0Pin = 5, Data1Pin = 6 }, TimeProvider.System);
        _other = new WiegandReader("other", _controller, new WiegandReaderOptions { Data0Pin = 20, Data1Pin = 21 }, TimeProvider.System);
        _otherTransmitter = new SimulatedWiegandTransmitter(_driver, 20, 21);
        _flooded.CredentialPresented += (_, _) => Interlocked.Increment(ref _credentialsOnFlooded);
        _flooded.FrameRejected += (_, e) =>
        {
            if (string.IsNullOrEmpty(e.Reason))
            {
                Interlocked.Increment(ref _rejectedWithoutReason);
            }
        };
        _other.CredentialPresented += (_, _) => Interlocked.Increment(ref _otherCards);
        _runs = [_flooded.RunAsync(_stop.Token), _other.RunAsync(_stop.Token)];
    }

    [Benchmark(Description = "1 s of garbage at 10,000 edges/s + 1 good card on another reader")]
    public long OneSecondOfGarbage()
    {
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var cardSent = false;
        while (clock.ElapsedTicks < Stopwatch.Frequency)
        {
            var due = clock.ElapsedTicks * EdgesPerSecond / Stopwatch.Frequency;
            var now = _driver.EventClockNow;
            for (; sent < due; sent++)
            {
                _driver.InjectEdge(random.Next(2) == 0 ? 5 : 6, PinEventTypes.Falling, now);
            }

            if (!cardSent && clock.ElapsedTicks > Stopwatch.Frequency / 2)
            {
                _otherTransmitter.SendNow(WiegandLatencyBenchmark.H10301(1, 42), 26);
                _floodedStateDuringFlood = _flooded.Health.State;
                cardSent = true;
            }

            Thread.Sleep(1);
        }

        _ops++;
        return sent;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Thread.Sleep(100);
        var flooded = _flooded.Health;
        Console.WriteLine($"// ops {_ops}; flooded reader: state during flood {_floodedStateDuringFlood}, edges {_flooded.EdgesReceived}, dropped {_flooded.EdgesDropped}, " +
            $"rejected frames {flooded.BadFrames} (length {_flooded.RejectionCount(WiegandRejection.Length)}, parity {_flooded.RejectionCount(WiegandRejection.Parity)}, " +
            $"overrun {_flooded.RejectionCount(WiegandRejection.Overrun)}), credentials {_credentialsOnFlooded}, rejected without reason {_rejectedWithoutReason}");
        Console.WriteLine($"// other reader: cards {_otherCards} of {_ops} sent, health {_other.Health}");
        Console.WriteLine($"// managed heap after run: {GC.GetTotalMemory(forceFullCollection: true)} bytes; gen2 collections {GC.CollectionCount(2)}");
        _stop.Cancel();
        Task.WaitAll(_runs);
        _flooded.Dispose();
        _other.Dispose();
        _controller.Dispose();
        _stop.Dispose();
    }
}
