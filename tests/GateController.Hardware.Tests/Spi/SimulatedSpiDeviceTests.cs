using GateController.Hardware.Readers.Mfrc522;
using GateController.Simulation.Mfrc522;

namespace GateController.Hardware.Tests.Spi;

public sealed class SimulatedSpiDeviceTests
{
    [Fact]
    public void TransferFullDuplex_BuffersOfDifferentLength_Throws()
    {
        using var chip = new Mfrc522Emulator();

        Assert.Throws<ArgumentException>(() => chip.TransferFullDuplex(new byte[2], new byte[3]));
    }

    [Fact]
    public void ReadAndWrite_BaseImplementations_GoThroughTheChipFraming()
    {
        using var chip = new Mfrc522Emulator();

        chip.Write([Mfrc522SpiTransport.WriteAddress(Mfrc522Register.TPrescalerReg), 0xA9]);
        var read = new byte[2];
        chip.TransferFullDuplex([Mfrc522SpiTransport.ReadAddress(Mfrc522Register.TPrescalerReg), 0x00], read);

        Assert.Equal(0xA9, read[1]);
        Assert.Equal(4, chip.TransferredBytes);
        Assert.Equal(2, chip.Transfers);
    }

    [Theory]
    [InlineData(SimulatedSpiLineFault.AllOnes, 0xFF)]
    [InlineData(SimulatedSpiLineFault.AllZeros, 0x00)]
    public void LineFault_Set_EveryByteReadsStuckValue(SimulatedSpiLineFault fault, int stuck)
    {
        using var chip = new Mfrc522Emulator { LineFault = fault };
        var read = new byte[4];

        chip.TransferFullDuplex([0xEE, 0xEE, 0xEE, 0x00], read);

        Assert.All(read, b => Assert.Equal((byte)stuck, b));
    }
}
