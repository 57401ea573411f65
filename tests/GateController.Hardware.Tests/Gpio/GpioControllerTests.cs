using GateController.Hardware.Gpio;
using GateController.Simulation.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Gpio;

public sealed class GpioControllerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void OpenPin_OutputWithInitialHigh_DrivesHighFirstAndRecordsTimestamp()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        using var controller = new GpioController(driver);
        _time.Advance(TimeSpan.FromMilliseconds(5));

        controller.OpenPin(17, PinMode.Output, PinValue.High);

        var change = Assert.Single(driver.OutputHistory);
        Assert.Equal(new GpioOutputChange(17, PinValue.High, true, TimeSpan.FromMilliseconds(5), _time.GetUtcNow()), change);
        Assert.Equal(PinValue.High, controller.Read(17));
    }

    [Fact]
    public void Write_SeveralValues_HistoryInOrderWithTimestamps()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        using var controller = new GpioController(driver);
        controller.OpenPin(4, PinMode.Output);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        controller.Write(4, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        controller.Write(4, PinValue.Low);

        Assert.Equal(
            [(false, 0.0), (true, 10.0), (false, 20.0)],
            driver.OutputHistory.Select(c => (c.Value.IsHigh, c.Timestamp.TotalMilliseconds)));
    }

    [Fact]
    public void Write_InputLine_ThrowsInvalidOperation()
    {
        using var controller = new GpioController(new SimulatedGpioDriver(28, _time));
        controller.OpenPin(5, PinMode.InputPullUp);

        Assert.Throws<InvalidOperationException>(() => controller.Write(5, PinValue.Low));
    }

    [Theory]
    [InlineData(PinMode.InputPullUp, true)]
    [InlineData(PinMode.InputPullDown, false)]
    public void Read_UndrivenInput_FollowsBias(PinMode mode, bool expectedHigh)
    {
        using var controller = new GpioController(new SimulatedGpioDriver(28, _time));
        controller.OpenPin(6, mode);

        Assert.Equal(expectedHigh, controller.Read(6).IsHigh);
    }

    [Fact]
    public void SetInput_WithTimestamp_CallbackGetsThatTimestampNotNow()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        using var controller = new GpioController(driver);
        controller.OpenPin(22, PinMode.InputPullUp);
        var edges = new List<PinValueChangedEventArgs>();
        controller.RegisterCallbackForPinValueChangedEvent(22, PinEventTypes.Falling | PinEventTypes.Rising, (_, e) => edges.Add(e));
        _time.Advance(TimeSpan.FromSeconds(3));

        driver.SetInput(22, PinValue.Low, TimeSpan.FromMilliseconds(1234));
        driver.SetInput(22, PinValue.High, TimeSpan.FromMilliseconds(1235));

        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising], edges.Select(e => e.ChangeType));
        Assert.Equal([1234.0, 1235.0], edges.Select(e => e.Timestamp.TotalMilliseconds));
        Assert.All(edges, e => Assert.Equal(22, e.PinNumber));
    }

    [Fact]
    public void RegisterCallback_FallingOnly_RisingEdgeNotDelivered()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        using var controller = new GpioController(driver);
        controller.OpenPin(22, PinMode.InputPullUp);
        var count = 0;
        controller.RegisterCallbackForPinValueChangedEvent(22, PinEventTypes.Falling, (_, _) => count++);

        driver.InjectEdge(22, PinEventTypes.Rising, TimeSpan.FromMilliseconds(1));
        driver.InjectEdge(22, PinEventTypes.Falling, TimeSpan.FromMilliseconds(2));

        Assert.Equal(1, count);
    }

    [Fact]
    public void UnregisterCallback_AfterwardsEdges_NotDelivered()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        using var controller = new GpioController(driver);
        controller.OpenPin(22, PinMode.InputPullUp);
        var count = 0;
        void Callback(object sender, PinValueChangedEventArgs e) => count++;
        controller.RegisterCallbackForPinValueChangedEvent(22, PinEventTypes.Falling, Callback);
        driver.InjectEdge(22, PinEventTypes.Falling, TimeSpan.FromMilliseconds(1));

        controller.UnregisterCallbackForPinValueChangedEvent(22, Callback);
        driver.InjectEdge(22, PinEventTypes.Falling, TimeSpan.FromMilliseconds(2));

        Assert.Equal(1, count);
    }

    [Fact]
    public void SetDebounce_BounceWithinPeriod_DropsBounces()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        using var controller = new GpioController(driver);
        controller.OpenPin(23, PinMode.InputPullUp);
        controller.SetDebounce(23, TimeSpan.FromMilliseconds(5));
        var edges = new List<TimeSpan>();
        controller.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.Falling | PinEventTypes.Rising, (_, e) => edges.Add(e.Timestamp));

        driver.SetInput(23, PinValue.Low, TimeSpan.FromMilliseconds(100));
        driver.SetInput(23, PinValue.High, TimeSpan.FromMilliseconds(101));
        driver.SetInput(23, PinValue.Low, TimeSpan.FromMilliseconds(102));
        driver.SetInput(23, PinValue.High, TimeSpan.FromMilliseconds(200));

        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], edges);
        Assert.Equal(2, driver.DebouncedEdges);
    }

    [Fact]
    public async Task WaitForEventAsync_EdgeArrives_ReturnsEdgeAndTimestamp()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        using var controller = new GpioController(driver);
        controller.OpenPin(24, PinMode.InputPullUp);

        var wait = controller.WaitForEventAsync(24, PinEventTypes.Falling, CancellationToken.None);
        driver.SetInput(24, PinValue.Low, TimeSpan.FromMilliseconds(42));
        var result = await wait;

        Assert.Equal(new WaitForEventResult(PinEventTypes.Falling, false, TimeSpan.FromMilliseconds(42)), result);
    }

    [Fact]
    public void WaitForEvent_Cancelled_TimedOut()
    {
        using var controller = new GpioController(new SimulatedGpioDriver(28, _time));
        controller.OpenPin(24, PinMode.InputPullUp);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var result = controller.WaitForEvent(24, PinEventTypes.Falling, cancellation.Token);

        Assert.True(result.TimedOut);
    }

    [Fact]
    public void OpenPin_LineTakenByAnotherProcess_ThrowsIOExceptionNamingLine()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        driver.TakeLine(17, "other-daemon");
        using var controller = new GpioController(driver);

        var error = Assert.Throws<IOException>(() => controller.OpenPin(17, PinMode.Output));

        Assert.Contains("line 17 (GPIO17)", error.Message, StringComparison.Ordinal);
        Assert.Contains("other-daemon", error.Message, StringComparison.Ordinal);
        Assert.Contains("EBUSY", error.Message, StringComparison.Ordinal);
        Assert.False(controller.IsPinOpen(17));
    }

    [Fact]
    public void OpenPin_SameLineTwice_Throws()
    {
        using var controller = new GpioController(new SimulatedGpioDriver(28, _time));
        controller.OpenPin(3, PinMode.Input);

        Assert.Throws<InvalidOperationException>(() => controller.OpenPin(3, PinMode.Input));
    }

    [Fact]
    public void OpenPin_OutOfRange_ThrowsNamingChip()
    {
        using var controller = new GpioController(new SimulatedGpioDriver(28, _time));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => controller.OpenPin(28));

        Assert.Contains("simulated-gpiochip0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPinNumber_LineName_FindsOffset()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        driver.NameLine(5, "DOOR_RELAY");
        using var controller = new GpioController(driver);

        Assert.Equal(5, controller.GetPinNumber("DOOR_RELAY"));
        Assert.Equal(17, controller.GetPinNumber("GPIO17"));
        Assert.Throws<ArgumentException>(() => controller.GetPinNumber("NOPE"));
    }

    [Fact]
    public void Dispose_OutputHeldHigh_LineReleasedAndFloatsToReleasedLevel()
    {
        var driver = new SimulatedGpioDriver(28, _time);
        var controller = new GpioController(driver);
        controller.OpenPin(17, PinMode.Output, PinValue.High);

        controller.Dispose();

        Assert.False(driver.IsHeld(17));
        Assert.False(driver.IsDriven(17));
        Assert.Equal(PinValue.Low, driver.GetLevel(17));
        Assert.False(driver.OutputHistory[^1].IsDriven);
    }
}
