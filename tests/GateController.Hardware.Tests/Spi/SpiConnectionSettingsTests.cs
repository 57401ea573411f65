using GateController.Hardware.Spi;

namespace GateController.Hardware.Tests.Spi;

public sealed class SpiConnectionSettingsTests
{
    [Fact]
    public void DevicePath_BusAndChipSelect_NamesSpidev() =>
        Assert.Equal("/dev/spidev0.1", new SpiConnectionSettings(0, 1).DevicePath);

    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(new SpiConnectionSettings(0, 0).Validate());

    [Fact]
    public void Validate_EverythingWrong_OneProblemPerSetting()
    {
        var settings = new SpiConnectionSettings(-1, -2) { ClockFrequency = 0, Mode = (SpiMode)7, DataBitLength = 0 };

        var problems = settings.Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains(nameof(SpiConnectionSettings.BusId), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(SpiConnectionSettings.ChipSelectLine), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(SpiConnectionSettings.ClockFrequency), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(SpiConnectionSettings.Mode), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(SpiConnectionSettings.DataBitLength), StringComparison.Ordinal));
    }
}
