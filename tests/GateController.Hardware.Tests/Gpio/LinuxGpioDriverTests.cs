using GateController.Hardware.Gpio;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Tests.Gpio;

public sealed class LinuxGpioDriverTests
{
    [Theory]
    [InlineData("0", "/dev/gpiochip0")]
    [InlineData("gpiochip4", "/dev/gpiochip4")]
    [InlineData("/dev/gpiochip1", "/dev/gpiochip1")]
    public void ChipPath_ChipSpelling_MapsToDevice(string chip, string expected) =>
        Assert.Equal(expected, LinuxGpioDriver.ChipPath(chip));

    [Fact]
    public void Constructor_UnknownChip_ThrowsIOExceptionNamingDeviceAndErrno()
    {
        var error = Assert.Throws<IOException>(() => new LinuxGpioDriver("gpiochip97"));

        Assert.Contains("/dev/gpiochip97", error.Message, StringComparison.Ordinal);
        Assert.Contains("ENOENT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DeviceThatIsNotAGpioChip_ThrowsIOExceptionFromChipInfoIoctl()
    {
        var error = Assert.Throws<IOException>(() => new LinuxGpioDriver("/dev/null"));

        Assert.Contains("GPIO_GET_CHIPINFO_IOCTL", error.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/null", error.Message, StringComparison.Ordinal);
        Assert.Contains("ENOTTY", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PinMode.Output, PinEventTypes.None, GpioUapi.LineFlagOutput)]
    [InlineData(PinMode.Output, PinEventTypes.Falling, GpioUapi.LineFlagOutput)]
    [InlineData(PinMode.Input, PinEventTypes.None, GpioUapi.LineFlagInput)]
    [InlineData(PinMode.InputPullUp, PinEventTypes.Falling, GpioUapi.LineFlagInput | GpioUapi.LineFlagBiasPullUp | GpioUapi.LineFlagEdgeFalling)]
    [InlineData(PinMode.InputPullDown, PinEventTypes.Rising | PinEventTypes.Falling, GpioUapi.LineFlagInput | GpioUapi.LineFlagBiasPullDown | GpioUapi.LineFlagEdgeRising | GpioUapi.LineFlagEdgeFalling)]
    public void Flags_ModeAndEdges_KernelFlags(PinMode mode, PinEventTypes edges, ulong expected) =>
        Assert.Equal(expected, LinuxGpioDriver.Flags(mode, edges));

    [Fact]
    public unsafe void Config_OutputHigh_CarriesOutputValuesAttribute()
    {
        var config = LinuxGpioDriver.Config(PinMode.Output, PinEventTypes.None, PinValue.High, TimeSpan.Zero);

        Assert.Equal(1u, config.NumAttributes);
        var attribute = *(GpioV2LineConfigAttribute*)config.Attributes;
        Assert.Equal(GpioUapi.LineAttributeIdOutputValues, attribute.Attribute.Id);
        Assert.Equal(1UL, attribute.Attribute.Values);
        Assert.Equal(1UL, attribute.Mask);
    }

    [Fact]
    public unsafe void Config_InputWithDebounce_CarriesDebounceInMicroseconds()
    {
        var config = LinuxGpioDriver.Config(PinMode.InputPullUp, PinEventTypes.Falling, PinValue.Low, TimeSpan.FromMilliseconds(15));

        Assert.Equal(1u, config.NumAttributes);
        var attribute = *(GpioV2LineConfigAttribute*)config.Attributes;
        Assert.Equal(GpioUapi.LineAttributeIdDebounce, attribute.Attribute.Id);
        Assert.Equal(15_000u, attribute.Attribute.DebouncePeriodMicroseconds);
    }

    [Fact]
    public void MonotonicNow_TwoReads_NeverGoesBackwards()
    {
        var first = LinuxGpioDriver.MonotonicNow();
        var second = LinuxGpioDriver.MonotonicNow();

        Assert.True(first > TimeSpan.Zero);
        Assert.True(second >= first);
    }
}
