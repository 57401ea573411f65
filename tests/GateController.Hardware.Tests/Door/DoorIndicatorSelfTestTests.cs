using GateController.Hardware.Door;
using GateController.Hardware.Gpio;
using GateController.Simulation.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Door;

public sealed class DoorIndicatorSelfTestTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly DoorIo _io;

    public DoorIndicatorSelfTestTests()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        _io = new DoorIo(new GpioController(driver), new DoorIoOptions(), _time);
        _io.Start();
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task RunAsync_AnyLedState_BothLitAndBeepThenRestored(bool greenBefore, bool redBefore)
    {
        _io.SetGreenLed(greenBefore);
        _io.SetRedLed(redBefore);

        var test = DoorIndicatorSelfTest.RunAsync(_io, _time, CancellationToken.None);

        Assert.True(_io.GreenLedOn);
        Assert.True(_io.RedLedOn);
        Assert.Equal(BuzzerPattern.Granted, _io.BuzzerPattern);
        Assert.False(test.IsCompleted);
        _time.Advance(DoorIndicatorSelfTest.LitDuration);
        await test;
        Assert.Equal(greenBefore, _io.GreenLedOn);
        Assert.Equal(redBefore, _io.RedLedOn);
    }

    [Fact]
    public async Task RunAsync_DoorPathChangedLedsMeanwhile_ItsStateKept()
    {
        _io.SetRedLed(true);
        var test = DoorIndicatorSelfTest.RunAsync(_io, _time, CancellationToken.None);

        // A card granted during the test: the door path shows green only.
        _io.SetRedLed(false);
        _time.Advance(DoorIndicatorSelfTest.LitDuration);
        await test;

        Assert.True(_io.GreenLedOn);
        Assert.False(_io.RedLedOn);
    }

    [Fact]
    public async Task RunAsync_Cancelled_LedsRestoredAndCancellationSeen()
    {
        _io.SetRedLed(true);
        using var cancel = new CancellationTokenSource();
        var test = DoorIndicatorSelfTest.RunAsync(_io, _time, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test);
        Assert.False(_io.GreenLedOn);
        Assert.True(_io.RedLedOn);
    }

    public void Dispose() => _io.Dispose();
}
