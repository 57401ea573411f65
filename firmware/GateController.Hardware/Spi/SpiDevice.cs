namespace GateController.Hardware.Spi;

/// <summary>
/// One device on an SPI bus; shaped like System.Device.Spi.SpiDevice so that a later move to that package is mechanical.
/// </summary>
public abstract class SpiDevice : IDisposable
{
    /// <summary>The settings this device was opened with.</summary>
    public abstract SpiConnectionSettings ConnectionSettings { get; }

    /// <summary>Opens the Linux spidev device the settings name.</summary>
    public static SpiDevice Create(SpiConnectionSettings settings) => new UnixSpiDevice(settings);

    /// <summary>Clocks out and in <c>writeBuffer.Length</c> bytes at once; the buffers must have the same length.</summary>
    public abstract void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer);

    /// <summary>Reads one byte (zeros are clocked out).</summary>
    public virtual byte ReadByte()
    {
        Span<byte> buffer = stackalloc byte[1];
        Read(buffer);
        return buffer[0];
    }

    /// <summary>Fills <paramref name="buffer"/> (zeros are clocked out).</summary>
    public virtual void Read(Span<byte> buffer)
    {
        var zeros = new byte[buffer.Length];
        TransferFullDuplex(zeros, buffer);
    }

    /// <summary>Writes one byte.</summary>
    public virtual void WriteByte(byte value) => Write([value]);

    /// <summary>Writes <paramref name="buffer"/>; what the device clocks back is discarded.</summary>
    public virtual void Write(ReadOnlySpan<byte> buffer)
    {
        var discard = new byte[buffer.Length];
        TransferFullDuplex(buffer, discard);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the device.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
