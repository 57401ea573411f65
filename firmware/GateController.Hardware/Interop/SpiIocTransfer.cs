using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct spi_ioc_transfer (linux/spi/spidev.h): 32 bytes, the same layout in 32- and 64-bit user space.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SpiIocTransfer
{
    /// <summary>sizeof(struct spi_ioc_transfer).</summary>
    internal const int Size = 32;

    /// <summary>tx_buf: user-space address of the bytes to send, or 0 to send zeros.</summary>
    public ulong TxBuffer;

    /// <summary>rx_buf: user-space address for the received bytes, or 0 to discard them.</summary>
    public ulong RxBuffer;

    /// <summary>len: bytes in each buffer.</summary>
    public uint Length;

    /// <summary>speed_hz: clock for this transfer; 0 keeps the device's.</summary>
    public uint SpeedHz;

    /// <summary>delay_usecs.</summary>
    public ushort DelayMicroseconds;

    /// <summary>bits_per_word; 0 keeps the device's.</summary>
    public byte BitsPerWord;

    /// <summary>cs_change.</summary>
    public byte ChipSelectChange;

    /// <summary>tx_nbits.</summary>
    public byte TxBitCount;

    /// <summary>rx_nbits.</summary>
    public byte RxBitCount;

    /// <summary>word_delay_usecs.</summary>
    public byte WordDelayMicroseconds;

    /// <summary>pad.</summary>
    public byte Padding;
}
