using System.Diagnostics;
using GateController.Hardware.Spi;

namespace GateController.Simulation.Mfrc522;

/// <summary>
/// An SPI device in memory: a derived chip answers each full-duplex transfer; this base adds line faults (MISO stuck
/// high or low) and, when <see cref="ModelTransferTime"/> is set, takes as long as the bytes take on the wire at
/// <see cref="SpiConnectionSettings.ClockFrequency"/>.
/// </summary>
public abstract class SimulatedSpiDevice : SpiDevice
{
    private readonly SpiConnectionSettings _settings;
    private long _transferredBytes;

    /// <summary>A simulated device with <paramref name="settings"/>.</summary>
    protected SimulatedSpiDevice(SpiConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        }

        _settings = settings;
    }

    /// <inheritdoc />
    public override SpiConnectionSettings ConnectionSettings => _settings;

    /// <summary>A fault on MISO; <see cref="SimulatedSpiLineFault.None"/> unless set.</summary>
    public SimulatedSpiLineFault LineFault { get; set; }

    /// <summary>When true each transfer lasts bytes × DataBitLength / ClockFrequency of wall time (busy wait).</summary>
    public bool ModelTransferTime { get; set; }

    /// <summary>Bytes clocked so far.</summary>
    public long TransferredBytes => Interlocked.Read(ref _transferredBytes);

    /// <summary>Transfers made so far.</summary>
    public long Transfers { get; private set; }

    /// <inheritdoc />
    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
        {
            throw new ArgumentException("the write and read buffers must have the same length", nameof(readBuffer));
        }

        var started = ModelTransferTime ? Stopwatch.GetTimestamp() : 0;
        if (LineFault == SimulatedSpiLineFault.None)
        {
            Exchange(writeBuffer, readBuffer);
        }
        else
        {
            readBuffer.Fill(LineFault == SimulatedSpiLineFault.AllOnes ? (byte)0xFF : (byte)0x00);
        }

        Interlocked.Add(ref _transferredBytes, writeBuffer.Length);
        Transfers++;
        if (ModelTransferTime)
        {
            var wireTicks = (long)((double)writeBuffer.Length * _settings.DataBitLength * Stopwatch.Frequency / _settings.ClockFrequency);
            while (Stopwatch.GetTimestamp() - started < wireTicks)
            {
                Thread.SpinWait(16);
            }
        }
    }

    /// <summary>The chip's side of one transfer: read what the host clocks out, fill what it clocks in.</summary>
    protected abstract void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso);
}
