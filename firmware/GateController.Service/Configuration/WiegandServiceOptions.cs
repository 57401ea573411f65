using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;

namespace GateController.Service.Configuration;

/// <summary>The <c>Wiegand</c> section: a Wiegand card reader (with or without its keypad) on two GPIO lines.</summary>
public sealed class WiegandServiceOptions
{
    /// <summary>Whether the reader is fitted.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The reader's identifier in events and health.</summary>
    public string ReaderId { get; set; } = "wiegand";

    /// <summary>The D0 line offset.</summary>
    public int Data0Pin { get; set; } = 5;

    /// <summary>The D1 line offset.</summary>
    public int Data1Pin { get; set; } = 6;

    /// <summary>The lines' bias.</summary>
    public PinMode LineMode { get; set; } = PinMode.InputPullUp;

    /// <summary>The quiet time that closes a frame.</summary>
    public int InterFrameGapMilliseconds { get; set; } = 25;

    /// <summary>The reader's settings.</summary>
    public WiegandReaderOptions ToReaderOptions() => new()
    {
        Data0Pin = Data0Pin,
        Data1Pin = Data1Pin,
        LineMode = LineMode,
        InterFrameGapMilliseconds = InterFrameGapMilliseconds,
    };

    /// <summary>Every problem, one message each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(ReaderId))
        {
            problems.Add($"{nameof(ReaderId)}: a reader needs an identifier");
        }

        problems.AddRange(ToReaderOptions().Validate());
        return problems;
    }
}
