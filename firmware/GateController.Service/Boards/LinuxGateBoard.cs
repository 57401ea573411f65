using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Hid;
using GateController.Hardware.Readers.Mfrc522;
using GateController.Hardware.Spi;
using GateController.Service.Configuration;
using GateController.Vision.Camera;
using GateController.Vision.Camera.Rpicam;
using GateController.Vision.Camera.V4l2;

namespace GateController.Service.Boards;

/// <summary>
/// A gate unit's own hardware on Linux: the GPIO character device (<see cref="LinuxGpioDriver"/>), spidev for the
/// MFRC522 (<see cref="UnixSpiDevice"/>), evdev for a USB card reader, and V4L2 or rpicam-vid for the camera.
/// </summary>
public sealed class LinuxGateBoard : IGateBoard
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>Opens <paramref name="chip"/>; throws <see cref="IOException"/> naming the device and errno.</summary>
    public LinuxGateBoard(string chip)
    {
        Gpio = new GpioController(new LinuxGpioDriver(chip));
        Description = $"linux {Gpio.ChipName}";
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public GpioController Gpio { get; }

    /// <inheritdoc/>
    public IMfrc522Transport OpenMfrc522(Mfrc522ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var device = new UnixSpiDevice(Mfrc522SpiTransport.CreateSettings(options.SpiBus, options.SpiChipSelect));
        _owned.Add(device);
        return new Mfrc522SpiTransport(device);
    }

    /// <inheritdoc/>
    public ICredentialReader CreateHidReader(HidServiceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new KeyboardWedgeReader(options.ReaderId, options.Device, timeProvider, options.ToReaderOptions());
    }

    /// <inheritdoc/>
    public ICameraSource CreateCamera(CameraServiceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        CameraSource camera = options.Kind switch
        {
            CameraKind.Rpicam => new RpicamVidCameraSource(options.ToRpicamOptions(), new CameraSourceOptions(), timeProvider),
            CameraKind.Replay => new ReplayCameraSource(options.ToReplayOptions(), new CameraSourceOptions(), timeProvider),
            _ => new V4l2CameraSource(options.ToV4l2Options(), new CameraSourceOptions(), timeProvider),
        };
        _owned.Add(camera);
        return camera;
    }

    /// <summary>Releases the chip and every device opened through the board.</summary>
    public void Dispose()
    {
        foreach (var device in _owned)
        {
            device.Dispose();
        }

        Gpio.Dispose();
    }
}
