using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Mfrc522;
using GateController.Service.Configuration;
using GateController.Vision.Camera;

namespace GateController.Service.Boards;

/// <summary>
/// The hardware under the door path: the GPIO chip carrying the door, Wiegand and keypad lines, the SPI reader's
/// transport, the USB card reader and the camera. The same readers, decoders, <c>DoorIo</c> and <c>DoorController</c>
/// run on every board; only these devices differ. Disposing the board releases them.
/// </summary>
public interface IGateBoard : IDisposable
{
    /// <summary>What the board is, for status lines ("linux gpiochip0", "simulated").</summary>
    string Description { get; }

    /// <summary>The GPIO chip.</summary>
    GpioController Gpio { get; }

    /// <summary>Opens the MFRC522's SPI transport; throws <see cref="IOException"/> naming the device.</summary>
    IMfrc522Transport OpenMfrc522(Mfrc522ServiceOptions options);

    /// <summary>The USB keyboard-wedge card reader.</summary>
    ICredentialReader CreateHidReader(HidServiceOptions options, TimeProvider timeProvider);

    /// <summary>The gate camera.</summary>
    ICameraSource CreateCamera(CameraServiceOptions options, TimeProvider timeProvider);
}
