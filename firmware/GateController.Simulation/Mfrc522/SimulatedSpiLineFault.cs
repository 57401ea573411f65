namespace GateController.Simulation.Mfrc522;

/// <summary>What MISO does when no chip drives it.</summary>
public enum SimulatedSpiLineFault
{
    /// <summary>The chip answers normally.</summary>
    None = 0,

    /// <summary>MISO floats high or is pulled up: every byte reads 0xFF.</summary>
    AllOnes = 1,

    /// <summary>MISO is held low: every byte reads 0x00.</summary>
    AllZeros = 2,
}
