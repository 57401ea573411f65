namespace GateController.Hardware.Interop;

/// <summary>The spidev ioctl request numbers (linux/spi/spidev.h, asm-generic/ioctl.h encoding).</summary>
internal static class SpiIoctl
{
    /// <summary>SPI_IOC_MAGIC, 'k'.</summary>
    internal const byte Magic = (byte)'k';

    private const uint DirectionWrite = 1;
    private const uint DirectionRead = 2;

    /// <summary>SPI_IOC_WR_MODE: _IOW('k', 1, __u8).</summary>
    internal static readonly nuint WriteMode = Encode(DirectionWrite, 1, sizeof(byte));

    /// <summary>SPI_IOC_RD_MODE: _IOR('k', 1, __u8).</summary>
    internal static readonly nuint ReadMode = Encode(DirectionRead, 1, sizeof(byte));

    /// <summary>SPI_IOC_WR_BITS_PER_WORD: _IOW('k', 3, __u8).</summary>
    internal static readonly nuint WriteBitsPerWord = Encode(DirectionWrite, 3, sizeof(byte));

    /// <summary>SPI_IOC_WR_MAX_SPEED_HZ: _IOW('k', 4, __u32).</summary>
    internal static readonly nuint WriteMaxSpeedHz = Encode(DirectionWrite, 4, sizeof(uint));

    /// <summary>SPI_IOC_MESSAGE(n): _IOW('k', 0, char[n * sizeof(struct spi_ioc_transfer)]).</summary>
    internal static nuint Message(int transferCount)
    {
        var size = (uint)(transferCount * SpiIocTransfer.Size);
        return Encode(DirectionWrite, 0, size < (1u << 14) ? size : 0);
    }

    /// <summary>_IOC(dir, type, nr, size): dir in bits 30–31, size in 16–29, type in 8–15, number in 0–7.</summary>
    internal static nuint Encode(uint direction, uint number, uint size) =>
        (direction << 30) | (size << 16) | ((uint)Magic << 8) | number;
}
