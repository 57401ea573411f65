using System.Runtime.InteropServices;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Tests.Interop;

public sealed class ErrnoTests
{
    [Theory]
    [InlineData(1, "EPERM")]
    [InlineData(2, "ENOENT")]
    [InlineData(4, "EINTR")]
    [InlineData(5, "EIO")]
    [InlineData(6, "ENXIO")]
    [InlineData(9, "EBADF")]
    [InlineData(11, "EAGAIN")]
    [InlineData(13, "EACCES")]
    [InlineData(16, "EBUSY")]
    [InlineData(19, "ENODEV")]
    [InlineData(22, "EINVAL")]
    [InlineData(25, "ENOTTY")]
    [InlineData(90, "EMSGSIZE")]
    [InlineData(110, "ETIMEDOUT")]
    [InlineData(999, "errno")]
    public void Name_KnownAndUnknownErrno_SymbolOrErrno(int errno, string expected) => Assert.Equal(expected, Errno.Name(errno));

    [Fact]
    public void ToException_Enotty_GpioFormatNamingOperationDeviceAndErrno()
    {
        var error = Errno.ToException("GPIO_V2_GET_LINE_IOCTL", "/dev/gpiochip0", Errno.ENOTTY);

        Assert.Equal($"GPIO_V2_GET_LINE_IOCTL on /dev/gpiochip0 failed: {Marshal.GetPInvokeErrorMessage(25)} (ENOTTY, errno 25)", error.Message);
        Assert.Equal(Errno.ENOTTY, error.HResult);
    }

    [Fact]
    public void Fault_Enotty_SpiAndEvdevFormatNamingDeviceOperationAndErrno()
    {
        var error = Errno.Fault("/dev/spidev0.0", "SPI_IOC_WR_MODE", Errno.ENOTTY);

        Assert.Equal($"/dev/spidev0.0: SPI_IOC_WR_MODE failed: ENOTTY (25: {Marshal.GetPInvokeErrorMessage(25)})", error.Message);
        Assert.Equal(Errno.ENOTTY, error.HResult);
    }

    [Fact]
    public void Describe_Enoent_NameNumberAndText() =>
        Assert.Equal($"ENOENT (2: {Marshal.GetPInvokeErrorMessage(2)})", Errno.Describe(Errno.ENOENT));
}
