using System.Runtime.InteropServices;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Spi;

/// <summary>An SPI device on Linux through the spidev character device (/dev/spidevB.C) and its ioctls.</summary>
public sealed class UnixSpiDevice : SpiDevice
{
    private readonly FileDescriptorHandle _handle;
    private readonly string _devicePath;

    /// <summary>Opens /dev/spidevB.C for <paramref name="settings"/> and applies mode, word size and clock.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    /// <exception cref="IOException">The device cannot be opened or configured (message names the device and errno).</exception>
    public UnixSpiDevice(SpiConnectionSettings settings)
        : this(settings, settings?.DevicePath ?? throw new ArgumentNullException(nameof(settings)))
    {
    }

    internal unsafe UnixSpiDevice(SpiConnectionSettings settings, string devicePath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        }

        ConnectionSettings = settings;
        _devicePath = devicePath;
        var descriptor = Libc.Open(devicePath, Libc.O_RDWR | Libc.O_CLOEXEC);
        if (descriptor < 0)
        {
            throw Errno.Fault(devicePath, "open", Marshal.GetLastPInvokeError());
        }

        _handle = new FileDescriptorHandle(descriptor);
        try
        {
            var mode = (byte)settings.Mode;
            Control(SpiIoctl.WriteMode, &mode, "SPI_IOC_WR_MODE");
            var bits = (byte)settings.DataBitLength;
            Control(SpiIoctl.WriteBitsPerWord, &bits, "SPI_IOC_WR_BITS_PER_WORD");
            var speed = (uint)settings.ClockFrequency;
            Control(SpiIoctl.WriteMaxSpeedHz, &speed, "SPI_IOC_WR_MAX_SPEED_HZ");
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override SpiConnectionSettings ConnectionSettings { get; }

    /// <inheritdoc />
    public override unsafe void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
        {
            throw new ArgumentException("the write and read buffers must have the same length", nameof(readBuffer));
        }

        fixed (byte* tx = writeBuffer)
        fixed (byte* rx = readBuffer)
        {
            Transfer(tx, rx, writeBuffer.Length);
        }
    }

    /// <inheritdoc />
    public override unsafe void Read(Span<byte> buffer)
    {
        fixed (byte* rx = buffer)
        {
            Transfer(null, rx, buffer.Length);
        }
    }

    /// <inheritdoc />
    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* tx = buffer)
        {
            Transfer(tx, null, buffer.Length);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }

    private unsafe void Transfer(byte* tx, byte* rx, int length)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (length == 0)
        {
            return;
        }

        var transfer = new SpiIocTransfer
        {
            TxBuffer = (ulong)tx,
            RxBuffer = (ulong)rx,
            Length = (uint)length,
            SpeedHz = (uint)ConnectionSettings.ClockFrequency,
            BitsPerWord = (byte)ConnectionSettings.DataBitLength,
        };
        Control(SpiIoctl.Message(1), &transfer, "SPI_IOC_MESSAGE(1)");
    }

    private unsafe void Control(nuint request, void* argument, string name)
    {
        if (Libc.Ioctl(_handle, request, argument) < 0)
        {
            throw Errno.Fault(_devicePath, name, Marshal.GetLastPInvokeError());
        }
    }
}
