using GateController.Hardware.Readers.Mfrc522;
using GateController.Simulation.Mfrc522;

namespace GateController.Hardware.Tests.Mfrc522;

public sealed class Mfrc522DeviceTests
{
    public static TheoryData<byte[]> Uids => new()
    {
        new byte[] { 0xDE, 0xAD, 0xBE, 0xEF },
        new byte[] { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 },
        new byte[] { 0x05, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09 },
        new byte[] { 0x88 ^ 0x01, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88 },
    };

    [Fact]
    public void Initialize_Emulator_AntennaOnTimerAndCrcPresetSet()
    {
        var (chip, device) = Create();

        Assert.Equal(Mfrc522Status.Ok, device.Initialize());

        Assert.True(chip.AntennaOn);
        Assert.Equal(0x80, chip.PeekRegister(Mfrc522Register.TModeReg));
        Assert.Equal(0xA9, chip.PeekRegister(Mfrc522Register.TPrescalerReg));
        Assert.Equal(0x3D, chip.PeekRegister(Mfrc522Register.ModeReg));
        Assert.Equal(0x40, chip.PeekRegister(Mfrc522Register.TxASKReg));
    }

    [Fact]
    public void Initialize_ChipStuckInPowerDown_ReturnsChipTimeout()
    {
        var (chip, device) = Create();
        chip.StuckInPowerDown = true;

        Assert.Equal(Mfrc522Status.ChipTimeout, device.Initialize());
    }

    [Fact]
    public void WakeUp_EmptyField_NoCard()
    {
        var (_, device) = Create();
        device.Initialize();

        Assert.Equal(Mfrc522Status.NoCard, device.WakeUp());
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void Select_OneCard_ReturnsItsWholeUid(byte[] uid)
    {
        var (chip, device) = Create();
        device.Initialize();
        chip.AddCard(new SimulatedIso14443aCard(uid));
        var buffer = new byte[10];

        Assert.Equal(Mfrc522Status.Ok, device.WakeUp());
        Assert.Equal(Mfrc522Status.Ok, device.Select(buffer, out var length, out var sak));

        Assert.Equal(uid, buffer[..length]);
        Assert.Equal(0x08, sak);
        Assert.Equal(SimulatedCardState.Active, chip.Field[0].State);
    }

    [Fact]
    public void Select_TwoCardsColliding_ResolvesOneThenTheOther()
    {
        var (chip, device) = Create();
        device.Initialize();
        byte[] first = [0x12, 0x34, 0x56, 0x78];
        byte[] second = [0x12, 0x34, 0x57, 0x00, 0x01, 0x02, 0x03];
        chip.AddCard(new SimulatedIso14443aCard(first));
        chip.AddCard(new SimulatedIso14443aCard(second));
        var buffer = new byte[10];
        var seen = new List<string>();

        Assert.Equal(Mfrc522Status.Ok, device.WakeUp());
        Assert.Equal(Mfrc522Status.Ok, device.Select(buffer, out var length, out _));
        seen.Add(Convert.ToHexString(buffer, 0, length));
        Assert.Equal(Mfrc522Status.Ok, device.Select(buffer, out length, out _));
        seen.Add(Convert.ToHexString(buffer, 0, length));
        Assert.Equal(Mfrc522Status.NoCard, device.Select(buffer, out _, out _));

        Assert.Equal(new[] { Convert.ToHexString(first), Convert.ToHexString(second) }.Order(), seen.Order());
    }

    [Fact]
    public void Select_CorruptSakCrc_ReturnsCrcError()
    {
        var (chip, device) = Create();
        device.Initialize();
        chip.AddCard(new SimulatedIso14443aCard([1, 2, 3, 4]) { CorruptNextSakCrcCount = 1 });

        device.WakeUp();

        Assert.Equal(Mfrc522Status.CrcError, device.Select(new byte[10], out _, out _));
    }

    [Fact]
    public void Select_CardLeavesAfterWakeUp_ReturnsNoCardForFirstCommand()
    {
        var (chip, device) = Create();
        device.Initialize();
        chip.AddCard(new SimulatedIso14443aCard([1, 2, 3, 4]));
        chip.RemoveCardsAfterFrames(1);

        Assert.Equal(Mfrc522Status.Ok, device.WakeUp());
        Assert.Equal(Mfrc522Status.NoCard, device.Select(new byte[10], out _, out _));
    }

    [Fact]
    public void Select_SevenByteCardLeavesBetweenCascadeLevels_ReturnsCardLost()
    {
        var (chip, device) = Create();
        device.Initialize();
        chip.AddCard(new SimulatedIso14443aCard([4, 1, 2, 3, 4, 5, 6]));
        chip.RemoveCardsAfterFrames(3);

        device.WakeUp();

        Assert.Equal(Mfrc522Status.CardLost, device.Select(new byte[10], out _, out _));
    }

    [Fact]
    public void Halt_SelectedCard_CardHaltsAndAnswersOnlyWakeUp()
    {
        var (chip, device) = Create();
        device.Initialize();
        chip.AddCard(new SimulatedIso14443aCard([1, 2, 3, 4]));
        device.WakeUp();
        device.Select(new byte[10], out _, out _);

        Assert.Equal(Mfrc522Status.Ok, device.Halt());
        Assert.Equal(SimulatedCardState.Halt, chip.Field[0].State);
        Assert.Equal(Mfrc522Status.NoCard, device.Request());
        Assert.Equal(Mfrc522Status.Ok, device.WakeUp());
    }

    [Fact]
    public void CalculateCrc_Coprocessor_MatchesCrcA()
    {
        var (_, device) = Create();
        device.Initialize();
        var crc = new byte[2];

        Assert.Equal(Mfrc522Status.Ok, device.CalculateCrc([0x50, 0x00], crc));

        Assert.Equal(new byte[] { 0x57, 0xCD }, crc);
    }

    [Theory]
    [InlineData(SimulatedSpiLineFault.AllOnes, 0xFF)]
    [InlineData(SimulatedSpiLineFault.AllZeros, 0x00)]
    public void ReadVersion_StuckBus_ReadsAbsentValue(SimulatedSpiLineFault fault, int expected)
    {
        var (chip, device) = Create();
        chip.LineFault = fault;

        var version = device.ReadVersion();

        Assert.Equal((byte)expected, version);
        Assert.True(Mfrc522Device.IsAbsentVersion(version));
    }

    private static (Mfrc522Emulator Chip, Mfrc522Device Device) Create()
    {
        var chip = new Mfrc522Emulator();
        return (chip, new Mfrc522Device(new Mfrc522SpiTransport(chip)));
    }
}
