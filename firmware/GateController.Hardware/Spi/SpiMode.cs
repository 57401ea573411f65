namespace GateController.Hardware.Spi;

/// <summary>SPI clock polarity and phase, numbered as the Linux spidev SPI_MODE_0..3 values (same as System.Device.Spi).</summary>
public enum SpiMode
{
    /// <summary>CPOL = 0, CPHA = 0.</summary>
    Mode0 = 0,

    /// <summary>CPOL = 0, CPHA = 1.</summary>
    Mode1 = 1,

    /// <summary>CPOL = 1, CPHA = 0.</summary>
    Mode2 = 2,

    /// <summary>CPOL = 1, CPHA = 1.</summary>
    Mode3 = 3,
}
