using GateController.Hardware.Readers.Mfrc522;
using GateController.Hardware.Spi;

namespace GateController.Hardware.Tests.Mfrc522;

public sealed class Mfrc522SpiTransportTests
{
    [Theory]
    [InlineData(Mfrc522Register.VersionReg, 0xEE, 0x6E)]
    [InlineData(Mfrc522Register.CommandReg, 0x82, 0x02)]
    [InlineData(Mfrc522Register.FIFODataReg, 0x92, 0x12)]
    [InlineData(Mfrc522Register.TReloadRegL, 0xDA, 0x5A)]
    public void AddressBytes_Register_FollowDatasheetFormat(Mfrc522Register register, int read, int write)
    {
        Assert.Equal((byte)read, Mfrc522SpiTransport.ReadAddress(register));
        Assert.Equal((byte)write, Mfrc522SpiTransport.WriteAddress(register));
    }

    [Fact]
    public void ReadRegister_Burst_SendsAddressPerByteAndTrailingZero()
    {
        var spi = new RecordingSpiDevice(answer: [0x00, 0x11, 0x22, 0x33]);
        var transport = new Mfrc522SpiTransport(spi);
        var values = new byte[3];

        transport.ReadRegister(Mfrc522Register.FIFODataReg, values);

        Assert.Equal(new byte[] { 0x92, 0x92, 0x92, 0x00 }, spi.LastWrite);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33 }, values);
    }

    [Fact]
    public void WriteRegister_Burst_SendsAddressOnceThenData()
    {
        var spi = new RecordingSpiDevice(answer: new byte[4]);
        var transport = new Mfrc522SpiTransport(spi);

        transport.WriteRegister(Mfrc522Register.FIFODataReg, [0x93, 0x20, 0x00]);

        Assert.Equal(new byte[] { 0x12, 0x93, 0x20, 0x00 }, spi.LastWrite);
    }

    [Fact]
    public void WriteRegister_BurstLongerThanFifo_Throws() =>
        Assert.Throws<ArgumentException>(() => new Mfrc522SpiTransport(new RecordingSpiDevice(new byte[66])).WriteRegister(Mfrc522Register.FIFODataReg, new byte[65]));

    private sealed class RecordingSpiDevice(byte[] answer) : SpiDevice
    {
        public byte[] LastWrite { get; private set; } = [];

        public override SpiConnectionSettings ConnectionSettings { get; } = new(0, 0);

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            LastWrite = writeBuffer.ToArray();
            answer.AsSpan(0, readBuffer.Length).CopyTo(readBuffer);
        }
    }
}
