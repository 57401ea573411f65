using GateController.Hardware.Spi;

namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>
/// MFRC522 register access over SPI (datasheet rev 3.9, §8.1.2). Address byte (§8.1.2.3): bit 7 is 1 to read and
/// 0 to write, bits 6–1 are the register address, bit 0 is 0. A read sends one address byte per value and a final
/// 0x00; the chip answers each address on the next byte (§8.1.2.1). A write sends the address once and then the
/// data bytes, all written to that address (§8.1.2.2). The chip takes SPI mode 0, MSB first, up to 10 Mbit/s (§8.1.2).
/// </summary>
public sealed class Mfrc522SpiTransport : IMfrc522Transport
{
    /// <summary>The FIFO holds 64 bytes (§8.3); a burst is at most that plus the address byte.</summary>
    private const int MaximumBurst = 64;

    private readonly SpiDevice _device;
    private readonly byte[] _transmit = new byte[MaximumBurst + 1];
    private readonly byte[] _receive = new byte[MaximumBurst + 1];

    /// <summary>Register access through <paramref name="device"/>; the caller keeps ownership of the device.</summary>
    public Mfrc522SpiTransport(SpiDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var settings = device.ConnectionSettings;
        DeviceName = settings.DevicePath;
    }

    /// <inheritdoc />
    public string DeviceName { get; }

    /// <summary>The settings the driver uses for an MFRC522: SPI mode 0, 8-bit words, 1 MHz (the chip takes up to 10 Mbit/s, §8.1.2).</summary>
    public static SpiConnectionSettings CreateSettings(int busId = 0, int chipSelectLine = 0) =>
        new(busId, chipSelectLine) { ClockFrequency = 1_000_000, Mode = SpiMode.Mode0, DataBitLength = 8 };

    /// <summary>The address byte for reading <paramref name="address"/> (§8.1.2.3).</summary>
    public static byte ReadAddress(Mfrc522Register address) => (byte)(0x80 | (((byte)address << 1) & 0x7E));

    /// <summary>The address byte for writing <paramref name="address"/> (§8.1.2.3).</summary>
    public static byte WriteAddress(Mfrc522Register address) => (byte)(((byte)address << 1) & 0x7E);

    /// <inheritdoc />
    public byte ReadRegister(Mfrc522Register address)
    {
        _transmit[0] = ReadAddress(address);
        _transmit[1] = 0x00;
        _device.TransferFullDuplex(_transmit.AsSpan(0, 2), _receive.AsSpan(0, 2));
        return _receive[1];
    }

    /// <inheritdoc />
    public void ReadRegister(Mfrc522Register address, Span<byte> values)
    {
        CheckBurst(values.Length, nameof(values));
        if (values.IsEmpty)
        {
            return;
        }

        _transmit.AsSpan(0, values.Length).Fill(ReadAddress(address));
        _transmit[values.Length] = 0x00;
        _device.TransferFullDuplex(_transmit.AsSpan(0, values.Length + 1), _receive.AsSpan(0, values.Length + 1));
        _receive.AsSpan(1, values.Length).CopyTo(values);
    }

    /// <inheritdoc />
    public void WriteRegister(Mfrc522Register address, byte value)
    {
        _transmit[0] = WriteAddress(address);
        _transmit[1] = value;
        _device.TransferFullDuplex(_transmit.AsSpan(0, 2), _receive.AsSpan(0, 2));
    }

    /// <inheritdoc />
    public void WriteRegister(Mfrc522Register address, ReadOnlySpan<byte> values)
    {
        CheckBurst(values.Length, nameof(values));
        if (values.IsEmpty)
        {
            return;
        }

        _transmit[0] = WriteAddress(address);
        values.CopyTo(_transmit.AsSpan(1));
        _device.TransferFullDuplex(_transmit.AsSpan(0, values.Length + 1), _receive.AsSpan(0, values.Length + 1));
    }

    private static void CheckBurst(int length, string name)
    {
        if (length > MaximumBurst)
        {
            throw new ArgumentException($"a burst is at most {MaximumBurst} bytes (the FIFO size)", name);
        }
    }
}
