namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>
/// CRC_A of ISO/IEC 14443-3 Annex B: polynomial x^16 + x^12 + x^5 + 1, preset 0x6363, LSB first, no final
/// inversion; sent least significant byte first. The MFRC522 computes the same with ModeReg CRCPreset = 01b
/// (datasheet §9.3.2.2); the driver uses the chip's coprocessor, this is for the simulation and tests.
/// </summary>
public static class Iso14443aCrc
{
    /// <summary>The CRC_A of <paramref name="data"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Compute(data, 0x6363);

    /// <summary>The same CRC with another preset (the MFRC522 offers 0x0000, 0x6363, 0xA671 and 0xFFFF, §9.3.2.2).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data, ushort preset)
    {
        uint crc = preset;
        foreach (var value in data)
        {
            var ch = (byte)(value ^ (byte)crc);
            ch = (byte)(ch ^ (ch << 4));
            crc = (crc >> 8) ^ ((uint)ch << 8) ^ ((uint)ch << 3) ^ ((uint)ch >> 4);
            crc &= 0xFFFF;
        }

        return (ushort)crc;
    }
}
