using GateController.Hardware.Readers.Mfrc522;
using GateController.Simulation.Mfrc522;

namespace GateController.Hardware.Tests.Mfrc522;

public sealed class Mfrc522EmulatorTests
{
    private readonly Mfrc522Emulator _chip = new();
    private readonly Mfrc522SpiTransport _transport;

    public Mfrc522EmulatorTests() => _transport = new Mfrc522SpiTransport(_chip);

    [Fact]
    public void ComIrqReg_WriteWithSet1_SetsBitsAndWithoutClearsThem()
    {
        _transport.WriteRegister(Mfrc522Register.ComIrqReg, 0x7F);
        Assert.Equal(0x00, _transport.ReadRegister(Mfrc522Register.ComIrqReg));

        _transport.WriteRegister(Mfrc522Register.ComIrqReg, 0x81);
        Assert.Equal(0x01, _transport.ReadRegister(Mfrc522Register.ComIrqReg));

        _transport.WriteRegister(Mfrc522Register.ComIrqReg, 0x01);
        Assert.Equal(0x00, _transport.ReadRegister(Mfrc522Register.ComIrqReg));
    }

    [Fact]
    public void Fifo_MoreThan64Bytes_BufferOverflowUntilFlushed()
    {
        _transport.WriteRegister(Mfrc522Register.FIFODataReg, new byte[64]);
        _transport.WriteRegister(Mfrc522Register.FIFODataReg, 0x01);

        Assert.Equal(64, _transport.ReadRegister(Mfrc522Register.FIFOLevelReg));
        Assert.Equal(0x10, _transport.ReadRegister(Mfrc522Register.ErrorReg) & 0x10);

        _transport.WriteRegister(Mfrc522Register.FIFOLevelReg, 0x80);

        Assert.Equal(0, _transport.ReadRegister(Mfrc522Register.FIFOLevelReg));
        Assert.Equal(0, _transport.ReadRegister(Mfrc522Register.ErrorReg) & 0x10);
    }

    [Fact]
    public void MemCommand_StoreThenLoad_Returns25Bytes()
    {
        var data = Enumerable.Range(1, 25).Select(i => (byte)i).ToArray();
        _transport.WriteRegister(Mfrc522Register.FIFODataReg, data);
        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.Mem);
        Assert.Equal(0, _transport.ReadRegister(Mfrc522Register.FIFOLevelReg));

        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.Mem);
        var back = new byte[25];
        _transport.ReadRegister(Mfrc522Register.FIFODataReg, back);

        Assert.Equal(data, back);
        Assert.Equal(0x10, _transport.ReadRegister(Mfrc522Register.ComIrqReg) & 0x10);
    }

    [Fact]
    public void SoftReset_AfterChanges_RestoresResetValuesAndSwitchesAntennaOff()
    {
        var device = new Mfrc522Device(_transport);
        device.Initialize();
        Assert.True(_chip.AntennaOn);

        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.SoftReset);

        Assert.False(_chip.AntennaOn);
        Assert.Equal(0x3F, _chip.PeekRegister(Mfrc522Register.ModeReg));
        Assert.Equal(0x80, _chip.PeekRegister(Mfrc522Register.TxControlReg));
        Assert.Equal(0x00, _chip.PeekRegister(Mfrc522Register.TModeReg));
        Assert.Equal(0x10, _transport.ReadRegister(Mfrc522Register.CommandReg) & 0x10);
    }

    [Fact]
    public void Exchange_AddressByteWithBit0Set_Ignored()
    {
        var miso = new byte[2];

        _chip.TransferFullDuplex([0xEF, 0x00], miso);

        Assert.Equal(new byte[] { 0, 0 }, miso);
        Assert.Equal(0x92, _transport.ReadRegister(Mfrc522Register.VersionReg));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 10)]
    [InlineData(31, 0)]
    public void Anticollision_TwoCardsDifferingAtOneBit_CollRegNamesThatBit(int differingBit, int collPos)
    {
        var device = new Mfrc522Device(_transport);
        device.Initialize();
        byte[] first = [0x10, 0x20, 0x30, 0x40];
        var second = (byte[])first.Clone();
        second[differingBit / 8] ^= (byte)(1 << (differingBit % 8));
        _chip.AddCard(new SimulatedIso14443aCard(first));
        _chip.AddCard(new SimulatedIso14443aCard(second));
        device.WakeUp();

        var status = device.Transceive([0x93, 0x20], 0, 0, out var received, out _);

        Assert.Equal(Mfrc522Status.Collision, status);
        Assert.Equal(5, received);
        Assert.Equal(0x08, _transport.ReadRegister(Mfrc522Register.ErrorReg) & 0x08);
        Assert.Equal(collPos, _transport.ReadRegister(Mfrc522Register.CollReg) & 0x3F);
    }

    [Fact]
    public void Transceive_AntennaOff_NoCardAnswers()
    {
        var device = new Mfrc522Device(_transport);
        device.Initialize();
        _chip.AddCard(new SimulatedIso14443aCard([1, 2, 3, 4]));
        _transport.WriteRegister(Mfrc522Register.TxControlReg, 0x80);

        Assert.Equal(Mfrc522Status.NoCard, device.WakeUp());
    }
}
