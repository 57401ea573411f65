using BenchmarkDotNet.Attributes;
using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;
using GateController.Simulation.Gpio;
using GateController.Simulation.Wiegand;

namespace GateController.Benchmarks.Hardware;

/// <summary>
/// A 26-bit frame's last edge → CredentialPresented, through the real reader on the simulated chip with the system clock.
/// Target: at most the inter-frame gap (25 ms) + 5 ms. The reported time includes the gap.
/// </summary>
[Config(typeof(InProcessShortRunConfig))]
[MinColumn]
[MaxColumn]
[MedianColumn]
public class WiegandLatencyBenchmark
{
    private readonly CancellationTokenSource _stop = new();
    private GpioController _controller = null!;
    private SimulatedWiegandTransmitter _transmitter = null!;
    private WiegandReader _reader = null!;
    private Task _run = Task.CompletedTask;
    private SemaphoreSlim _presented = null!;
    private ulong _frame;

    [GlobalSetup]
    public void Setup()
    {
        var driver = new SimulatedGpioDriver(28, TimeProvider.System);
        _controller = new GpioController(driver);
        _reader = new WiegandReader("bench", _controller, new WiegandReaderOptions { Data0Pin = 5, Data1Pin = 6, InterFrameGapMilliseconds = 25 }, TimeProvider.System);
        _transmitter = new SimulatedWiegandTransmitter(driver, 5, 6);
        _presented = new SemaphoreSlim(0);
        _reader.CredentialPresented += (_, _) => _presented.Release();
        _run = _reader.RunAsync(_stop.Token);
        _frame = H10301(123, 4567);
    }

    [Benchmark(Description = "last edge -> CredentialPresented (gap 25 ms)")]
    public void LastEdgeToCredential()
    {
        _transmitter.SendNow(_frame, 26);
        if (!_presented.Wait(TimeSpan.FromSeconds(1)))
        {
            throw new InvalidOperationException("no credential within 1 s");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _run.GetAwaiter().GetResult();
        Console.WriteLine($"// health: {_reader.Health}");
        _reader.Dispose();
        _controller.Dispose();
        _presented.Dispose();
        _stop.Dispose();
    }

    internal static ulong H10301(int facility, int card)
    {
        var data = ((ulong)facility << 16) | (uint)card;
        var even = (ulong)(System.Numerics.BitOperations.PopCount(data >> 12) % 2);
        var odd = (ulong)(1 - (System.Numerics.BitOperations.PopCount(data & 0xFFF) % 2));
        return (even << 25) | (data << 1) | odd;
    }
}
