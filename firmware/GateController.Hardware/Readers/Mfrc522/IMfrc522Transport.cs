namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>
/// How the MFRC522 protocol reaches the chip's registers (SPI, I²C or UART on the chip, datasheet §8.1);
/// the protocol in <see cref="Mfrc522Device"/> knows nothing of the bus.
/// </summary>
public interface IMfrc522Transport
{
    /// <summary>A name for the bus device, for health messages (no card data).</summary>
    string DeviceName { get; }

    /// <summary>Reads one register.</summary>
    byte ReadRegister(Mfrc522Register address);

    /// <summary>Reads <c>values.Length</c> times from the same register (a FIFO burst).</summary>
    void ReadRegister(Mfrc522Register address, Span<byte> values);

    /// <summary>Writes one register.</summary>
    void WriteRegister(Mfrc522Register address, byte value);

    /// <summary>Writes all of <paramref name="values"/> to the same register (a FIFO burst).</summary>
    void WriteRegister(Mfrc522Register address, ReadOnlySpan<byte> values);
}
