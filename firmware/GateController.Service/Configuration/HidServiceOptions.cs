using GateController.Hardware.Readers.Hid;

namespace GateController.Service.Configuration;

/// <summary>The <c>Hid</c> section: a USB card reader that types the card number like a keyboard (evdev).</summary>
public sealed class HidServiceOptions
{
    /// <summary>Whether the reader is fitted.</summary>
    public bool Enabled { get; set; }

    /// <summary>The reader's identifier in events and health.</summary>
    public string ReaderId { get; set; } = "usb-hid";

    /// <summary>The input device, preferably a stable /dev/input/by-id path.</summary>
    public string Device { get; set; } = "/dev/input/event0";

    /// <summary>How the reader types numbers.</summary>
    public KeyboardWedgeNumberFormat NumberFormat { get; set; } = KeyboardWedgeNumberFormat.DecimalDigits;

    /// <summary>The reader's settings.</summary>
    public KeyboardWedgeOptions ToReaderOptions() => new() { NumberFormat = NumberFormat };

    /// <summary>Every problem, one message each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(Device) || !Path.IsPathFullyQualified(Device))
        {
            problems.Add($"{nameof(Device)}: must be an absolute device path, not '{Device}'");
        }

        problems.AddRange(ToReaderOptions().Validate());
        return problems;
    }
}
