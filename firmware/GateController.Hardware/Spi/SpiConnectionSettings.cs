using System.Globalization;

namespace GateController.Hardware.Spi;

/// <summary>Which SPI bus and chip select to use and how to clock it; shaped like System.Device.Spi.SpiConnectionSettings.</summary>
public sealed class SpiConnectionSettings
{
    /// <summary>Settings for bus <paramref name="busId"/>, chip select <paramref name="chipSelectLine"/> (/dev/spidevB.C).</summary>
    public SpiConnectionSettings(int busId, int chipSelectLine)
    {
        BusId = busId;
        ChipSelectLine = chipSelectLine;
    }

    /// <summary>The bus number B of /dev/spidevB.C.</summary>
    public int BusId { get; }

    /// <summary>The chip select number C of /dev/spidevB.C.</summary>
    public int ChipSelectLine { get; }

    /// <summary>The SPI clock in hertz; 500 kHz unless set.</summary>
    public int ClockFrequency { get; set; } = 500_000;

    /// <summary>Clock polarity and phase.</summary>
    public SpiMode Mode { get; set; } = SpiMode.Mode0;

    /// <summary>Bits per word; 8 unless set.</summary>
    public int DataBitLength { get; set; } = 8;

    /// <summary>The Linux character device these settings name.</summary>
    public string DevicePath => string.Create(CultureInfo.InvariantCulture, $"/dev/spidev{BusId}.{ChipSelectLine}");

    /// <summary>Every problem with these settings, one message per problem naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BusId < 0)
        {
            problems.Add($"{nameof(BusId)} must be 0 or more (was {BusId})");
        }

        if (ChipSelectLine < 0)
        {
            problems.Add($"{nameof(ChipSelectLine)} must be 0 or more (was {ChipSelectLine})");
        }

        if (ClockFrequency <= 0)
        {
            problems.Add($"{nameof(ClockFrequency)} must be a positive number of hertz (was {ClockFrequency})");
        }

        if (!Enum.IsDefined(Mode))
        {
            problems.Add($"{nameof(Mode)} must be Mode0..Mode3 (was {(int)Mode})");
        }

        if (DataBitLength is < 1 or > 32)
        {
            problems.Add($"{nameof(DataBitLength)} must be between 1 and 32 (was {DataBitLength})");
        }

        return problems;
    }
}
