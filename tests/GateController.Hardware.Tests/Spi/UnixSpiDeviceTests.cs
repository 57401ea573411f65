using GateController.Hardware.Spi;

namespace GateController.Hardware.Tests.Spi;

public sealed class UnixSpiDeviceTests
{
    [Fact]
    public void Constructor_MissingDevice_ThrowsIOExceptionNamingDeviceAndErrno()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-spidev-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<IOException>(() => new UnixSpiDevice(new SpiConnectionSettings(0, 0), path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("ENOENT", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RegularFile_ThrowsIOExceptionNamingIoctlAndEnotty()
    {
        var path = Path.GetTempFileName();
        try
        {
            var exception = Assert.Throws<IOException>(() => new UnixSpiDevice(new SpiConnectionSettings(0, 0), path));

            Assert.Contains(path, exception.Message, StringComparison.Ordinal);
            Assert.Contains("SPI_IOC_WR_MODE", exception.Message, StringComparison.Ordinal);
            Assert.Contains("ENOTTY", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Constructor_InvalidSettings_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new UnixSpiDevice(new SpiConnectionSettings(0, 0) { ClockFrequency = -5 }));
}
