using GateController.Hardware.Readers.Mfrc522;

namespace GateController.Hardware.Tests.Mfrc522;

public sealed class Iso14443aCrcTests
{
    // Frames as they appear on the air: HLTA "50 00 57 CD", SAK "08 B6 DD" (MIFARE Classic 1K), SAK "04 DA 17" (UID not complete).
    [Theory]
    [InlineData(new byte[] { 0x50, 0x00 }, 0xCD57)]
    [InlineData(new byte[] { 0x08 }, 0xDDB6)]
    [InlineData(new byte[] { 0x04 }, 0x17DA)]
    public void Compute_KnownFrame_MatchesCrcA(byte[] data, int expected) =>
        Assert.Equal((ushort)expected, Iso14443aCrc.Compute(data));

    [Fact]
    public void Compute_FrameFollowedByItsCrc_GivesZeroResidue()
    {
        byte[] frame = [0x93, 0x70, 0x12, 0x34, 0x56, 0x78, 0x08];
        var crc = Iso14443aCrc.Compute(frame);

        Assert.Equal(0, Iso14443aCrc.Compute([.. frame, (byte)crc, (byte)(crc >> 8)]));
    }
}
