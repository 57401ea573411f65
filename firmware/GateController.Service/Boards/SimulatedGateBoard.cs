using GateController.Core.Readers;
using GateController.Hardware.Door;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Mfrc522;
using GateController.Service.Configuration;
using GateController.Service.Simulation;
using GateController.Simulation.Gpio;
using GateController.Simulation.Input;
using GateController.Simulation.Keypad;
using GateController.Simulation.Mfrc522;
using GateController.Simulation.Wiegand;
using GateController.Vision.Camera;

namespace GateController.Service.Boards;

/// <summary>
/// The simulated board for <c>--simulate</c>: a <see cref="SimulatedGpioDriver"/> with the door's inputs at rest, a
/// <see cref="SimulatedWiegandTransmitter"/> on the Wiegand lines, a <see cref="SimulatedMatrixKeypad"/> on the keypad
/// lines when one is configured, an <see cref="Mfrc522Emulator"/> when an MFRC522 is configured, and a
/// <see cref="SimulatedSceneCamera"/> for the camera (showing what <c>gatectl sim face</c> puts in front of it). The service's real readers and door run on it unchanged.
/// </summary>
public sealed class SimulatedGateBoard : IGateBoard
{
    /// <summary>Lines on the simulated chip (the Pi's header GPIO0–GPIO27).</summary>
    public const int LineCount = 28;

    private readonly List<IDisposable> _owned = [];

    /// <summary>Builds the board for <paramref name="options"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public SimulatedGateBoard(GateControllerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Driver = new SimulatedGpioDriver(LineCount, timeProvider, "simulated-" + options.Door.Chip);
        Gpio = new GpioController(Driver);
        var door = options.Door;
        foreach (var (kind, input) in new[] { (DoorInputKind.ExitButton, door.ExitButton), (DoorInputKind.DoorContact, door.DoorContact), (DoorInputKind.FireAlarm, door.FireAlarm), (DoorInputKind.Tamper, door.Tamper) })
        {
            if (TryOffset(input.Line, out var offset))
            {
                Driver.SetInput(offset, input.ActiveLow ? PinValue.High : PinValue.Low);
                InputLines[kind] = (offset, input);
            }
        }

        if (options.Wiegand.Enabled && options.Wiegand.Data0Pin is >= 0 and < LineCount && options.Wiegand.Data1Pin is >= 0 and < LineCount)
        {
            Driver.SetInput(options.Wiegand.Data0Pin, PinValue.High);
            Driver.SetInput(options.Wiegand.Data1Pin, PinValue.High);
            Wiegand = new SimulatedWiegandTransmitter(Driver, options.Wiegand.Data0Pin, options.Wiegand.Data1Pin);
        }

        if (options.Keypad.Enabled)
        {
            Keypad = new SimulatedMatrixKeypad(Driver, options.Keypad.Layout, options.Keypad.EffectiveRowPins, options.Keypad.EffectiveColumnPins);
            _owned.Add(Keypad);
        }

        if (options.Mfrc522.Enabled)
        {
            Mfrc522 = new Mfrc522Emulator();
            _owned.Add(Mfrc522);
        }

        if (TryOffset(door.Relay.Line, out var relay))
        {
            RelayLine = relay;
        }
    }

    /// <inheritdoc/>
    public string Description => "simulated";

    /// <inheritdoc/>
    public GpioController Gpio { get; }

    /// <summary>The simulated chip.</summary>
    public SimulatedGpioDriver Driver { get; }

    /// <summary>The Wiegand reader's wires, when a Wiegand reader is configured.</summary>
    public SimulatedWiegandTransmitter? Wiegand { get; }

    /// <summary>The matrix keypad, when one is configured.</summary>
    public SimulatedMatrixKeypad? Keypad { get; }

    /// <summary>The MFRC522, when one is configured.</summary>
    public Mfrc522Emulator? Mfrc522 { get; }

    /// <summary>The camera, once the door path asked for it.</summary>
    public SimulatedSceneCamera? Camera { get; private set; }

    /// <summary>The lock relay's line offset.</summary>
    public int RelayLine { get; } = -1;

    /// <summary>The door inputs' line offsets and settings.</summary>
    public Dictionary<DoorInputKind, (int Line, DoorInputLineOptions Options)> InputLines { get; } = [];

    /// <summary>Whether the relay line reads high now.</summary>
    public bool RelayLineHigh => RelayLine >= 0 && Driver.GetLevel(RelayLine).IsHigh;

    /// <inheritdoc/>
    public IMfrc522Transport OpenMfrc522(Mfrc522ServiceOptions options) =>
        new Mfrc522SpiTransport(Mfrc522 ?? throw new InvalidOperationException("no MFRC522 is configured on the simulated board"));

    /// <inheritdoc/>
    public ICredentialReader CreateHidReader(HidServiceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new NotSupportedException($"the simulated board has no USB card reader; set Hid:Enabled to false ({nameof(KeyboardWedgeRecording)} replays recordings in tests)");
    }

    /// <inheritdoc/>
    public ICameraSource CreateCamera(CameraServiceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var camera = new SimulatedSceneCamera(options.Width, options.Height, options.FramesPerSecond, timeProvider);
        _owned.Add(camera);
        Camera = camera;
        return camera;
    }

    /// <summary>Drives a door input line active or at rest.</summary>
    public void SetInput(DoorInputKind input, bool active)
    {
        if (!InputLines.TryGetValue(input, out var line))
        {
            throw new InvalidOperationException($"the door's {input} line is not configured");
        }

        Driver.SetInput(line.Line, active != line.Options.ActiveLow ? PinValue.High : PinValue.Low);
    }

    /// <summary>Whether a door input line reads active now.</summary>
    public bool IsInputActive(DoorInputKind input) =>
        InputLines.TryGetValue(input, out var line) && Driver.GetLevel(line.Line).IsHigh != line.Options.ActiveLow;

    /// <summary>Releases the simulated devices and the chip.</summary>
    public void Dispose()
    {
        foreach (var device in _owned)
        {
            device.Dispose();
        }

        Gpio.Dispose();
    }

    private bool TryOffset(string? line, out int offset)
    {
        offset = -1;
        if (string.IsNullOrEmpty(line))
        {
            return false;
        }

        return (int.TryParse(line, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset) || Gpio.TryGetPinNumber(line, out offset))
            && offset < LineCount;
    }
}
