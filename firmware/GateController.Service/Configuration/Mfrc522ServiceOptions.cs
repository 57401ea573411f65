using GateController.Hardware.Readers.Mfrc522;

namespace GateController.Service.Configuration;

/// <summary>The <c>Mfrc522</c> section: an MFRC522 13.56 MHz reader on SPI.</summary>
public sealed class Mfrc522ServiceOptions
{
    /// <summary>Whether the reader is fitted.</summary>
    public bool Enabled { get; set; }

    /// <summary>The reader's identifier in events and health.</summary>
    public string ReaderId { get; set; } = "mfrc522";

    /// <summary>The SPI bus (spidevB.C: B).</summary>
    public int SpiBus { get; set; }

    /// <summary>The SPI chip select (spidevB.C: C).</summary>
    public int SpiChipSelect { get; set; }

    /// <summary>The reset line, or null when tied high.</summary>
    public string? ResetLine { get; set; }

    /// <summary>How often the field is polled.</summary>
    public int PollIntervalMilliseconds { get; set; } = 100;

    /// <summary>The reader's settings.</summary>
    public Mfrc522ReaderOptions ToReaderOptions() => new() { PollIntervalMilliseconds = PollIntervalMilliseconds };

    /// <summary>Every problem, one message each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (SpiBus is < 0 or > 15)
        {
            problems.Add($"{nameof(SpiBus)}: {SpiBus} is outside 0-15");
        }

        if (SpiChipSelect is < 0 or > 15)
        {
            problems.Add($"{nameof(SpiChipSelect)}: {SpiChipSelect} is outside 0-15");
        }

        problems.AddRange(ToReaderOptions().Validate());
        return problems;
    }
}
