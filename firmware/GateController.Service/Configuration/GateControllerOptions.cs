using GateController.Core.Privacy;
using GateController.Service.Face;

namespace GateController.Service.Configuration;

/// <summary>Every section of gatecontrollerd's configuration, bound from files, environment and options.</summary>
public sealed class GateControllerOptions
{
    /// <summary>The door: lines, timing, policy.</summary>
    public DoorServiceOptions Door { get; } = new();

    /// <summary>The Wiegand reader.</summary>
    public WiegandServiceOptions Wiegand { get; } = new();

    /// <summary>The matrix keypad and PIN entry.</summary>
    public KeypadServiceOptions Keypad { get; } = new();

    /// <summary>The MFRC522 reader.</summary>
    public Mfrc522ServiceOptions Mfrc522 { get; } = new();

    /// <summary>The USB HID card reader.</summary>
    public HidServiceOptions Hid { get; } = new();

    /// <summary>The camera.</summary>
    public CameraServiceOptions Camera { get; } = new();

    /// <summary>Face recognition.</summary>
    public FaceRecognitionOptions Face { get; } = new();

    /// <summary>The store and the device key.</summary>
    public StoreServiceOptions Store { get; } = new();

    /// <summary>The admin API.</summary>
    public AdminServiceOptions Admin { get; } = new();

    /// <summary>The consent notices and receipt wording, as configured (built into settings by validation).</summary>
    public ConsentConfigurationFile? Consent { get; set; }

    /// <summary>MQTT telemetry.</summary>
    public TelemetryServiceOptions Telemetry { get; } = new();

    /// <summary>Consent withdrawal at the gate.</summary>
    public GateWithdrawalOptions Withdrawal { get; } = new();

    /// <summary>The directory relative consent notice files are read from (the last configuration file's).</summary>
    public string? ConsentBaseDirectory { get; set; }
}
