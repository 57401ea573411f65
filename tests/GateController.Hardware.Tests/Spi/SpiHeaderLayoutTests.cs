using System.Runtime.InteropServices;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Tests.Spi;

public sealed class SpiHeaderLayoutTests
{
    [Fact]
    public void SpiIocTransfer_Size_MatchesHeader()
    {
        Assert.Equal(SpiInputHeaderProbe.Value("sizeof_spi_ioc_transfer"), (ulong)Marshal.SizeOf<SpiIocTransfer>());
        Assert.Equal((ulong)SpiIocTransfer.Size, SpiInputHeaderProbe.Value("sizeof_spi_ioc_transfer"));
    }

    [Theory]
    [InlineData(nameof(SpiIocTransfer.TxBuffer), "offset_tx_buf")]
    [InlineData(nameof(SpiIocTransfer.RxBuffer), "offset_rx_buf")]
    [InlineData(nameof(SpiIocTransfer.Length), "offset_len")]
    [InlineData(nameof(SpiIocTransfer.SpeedHz), "offset_speed_hz")]
    [InlineData(nameof(SpiIocTransfer.DelayMicroseconds), "offset_delay_usecs")]
    [InlineData(nameof(SpiIocTransfer.BitsPerWord), "offset_bits_per_word")]
    [InlineData(nameof(SpiIocTransfer.ChipSelectChange), "offset_cs_change")]
    [InlineData(nameof(SpiIocTransfer.TxBitCount), "offset_tx_nbits")]
    [InlineData(nameof(SpiIocTransfer.RxBitCount), "offset_rx_nbits")]
    [InlineData(nameof(SpiIocTransfer.WordDelayMicroseconds), "offset_word_delay_usecs")]
    [InlineData(nameof(SpiIocTransfer.Padding), "offset_pad")]
    public void SpiIocTransfer_FieldOffset_MatchesHeader(string field, string probeName) =>
        Assert.Equal(SpiInputHeaderProbe.Value(probeName), (ulong)Marshal.OffsetOf<SpiIocTransfer>(field));

    public static TheoryData<string, ulong> IoctlNumbers => new()
    {
        { "SPI_IOC_MESSAGE_1", SpiIoctl.Message(1) },
        { "SPI_IOC_MESSAGE_2", SpiIoctl.Message(2) },
        { "SPI_IOC_WR_MODE", SpiIoctl.WriteMode },
        { "SPI_IOC_RD_MODE", SpiIoctl.ReadMode },
        { "SPI_IOC_WR_BITS_PER_WORD", SpiIoctl.WriteBitsPerWord },
        { "SPI_IOC_WR_MAX_SPEED_HZ", SpiIoctl.WriteMaxSpeedHz },
    };

    [Theory]
    [MemberData(nameof(IoctlNumbers))]
    public void SpiIoctl_Number_MatchesHeader(string name, ulong ours) => Assert.Equal(SpiInputHeaderProbe.Value(name), ours);

    [Theory]
    [InlineData("O_RDWR", Libc.O_RDWR)]
    [InlineData("O_CLOEXEC", Libc.O_CLOEXEC)]
    public void Libc_OpenFlag_MatchesHeader(string name, int ours) => Assert.Equal(SpiInputHeaderProbe.Value(name), (ulong)ours);
}
