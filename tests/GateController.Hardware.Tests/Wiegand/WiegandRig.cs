using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;
using GateController.Simulation.Gpio;
using GateController.Simulation.Wiegand;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Wiegand;

/// <summary>A Wiegand reader on a simulated chip with a fake clock, recording every event in order.</summary>
internal sealed class WiegandRig : IAsyncDisposable
{
    public const int Data0 = 5;
    public const int Data1 = 6;

    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public WiegandRig(WiegandReaderOptions? options = null, Action<SimulatedGpioDriver>? prepare = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        Driver = new SimulatedGpioDriver(28, Time);
        prepare?.Invoke(Driver);
        Controller = new GpioController(Driver);
        Time.Advance(TimeSpan.FromSeconds(10));
        Reader = new WiegandReader("gate-wiegand", Controller, options ?? new WiegandReaderOptions { Data0Pin = Data0, Data1Pin = Data1 }, Time);
        Transmitter = new SimulatedWiegandTransmitter(Driver, Data0, Data1);
        Reader.CredentialPresented += (_, e) => Events.Add(e);
        Reader.KeyPressed += (_, e) => Events.Add(e);
        Reader.FrameRejected += (_, e) => Events.Add(e);
    }

    public FakeTimeProvider Time { get; }

    public SimulatedGpioDriver Driver { get; }

    public GpioController Controller { get; }

    public WiegandReader Reader { get; }

    public SimulatedWiegandTransmitter Transmitter { get; }

    public List<object> Events { get; } = [];

    public TimeSpan Gap { get; } = TimeSpan.FromMilliseconds(25);

    public WiegandRig Start()
    {
        _run = Reader.RunAsync(_stop.Token);
        return this;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Reader.Dispose();
        Controller.Dispose();
        _stop.Dispose();
    }
}
