using GateController.Hardware.Readers.Mfrc522;

namespace GateController.Simulation.Mfrc522;

/// <summary>
/// An ISO/IEC 14443-A card (PICC) with a 4, 7 or 10-byte UID: answers REQA/WUPA with ATQA, bit-wise anticollision
/// at cascade levels 1–3 (cascade tag 0x88, BCC), SELECT with SAK and CRC_A, and HLTA, following the 14443-3 state
/// machine. Frames are bit lists, least significant bit of each byte first, as on the air.
/// </summary>
public sealed class SimulatedIso14443aCard
{
    private const byte CascadeTag = 0x88;
    private readonly byte[] _uid;
    private readonly byte[][] _levels;
    private bool _wokenFromHalt;
    private int _level;

    /// <summary>A card with <paramref name="uid"/> (4, 7 or 10 bytes) and final SAK <paramref name="finalSak"/> (0x08: MIFARE Classic 1K).</summary>
    public SimulatedIso14443aCard(ReadOnlySpan<byte> uid, byte finalSak = 0x08)
    {
        if (uid.Length is not (4 or 7 or 10))
        {
            throw new ArgumentException("a 14443-A UID has 4, 7 or 10 bytes", nameof(uid));
        }

        if (uid[0] == CascadeTag)
        {
            throw new ArgumentException("uid0 = 0x88 is the cascade tag and is not allowed (14443-3 §6.4.4)", nameof(uid));
        }

        _uid = uid.ToArray();
        FinalSak = (byte)(finalSak & ~0x04);
        _levels = BuildLevels(_uid);
    }

    /// <summary>The UID.</summary>
    public ReadOnlySpan<byte> Uid => _uid;

    /// <summary>The SAK sent when the UID is complete.</summary>
    public byte FinalSak { get; }

    /// <summary>ATQA (14443-3 §6.3.2): bits 8–7 give the UID size, bit 3 the bit-frame anticollision; sent LSB first.</summary>
    public ushort Atqa => (ushort)((_uid.Length switch { 4 => 0x00, 7 => 0x40, _ => 0x80 }) | 0x04);

    /// <summary>The card's current state.</summary>
    public SimulatedCardState State { get; private set; }

    /// <summary>When set, the next SAKs this card sends carry a wrong CRC_A (one per count).</summary>
    public int CorruptNextSakCrcCount { get; set; }

    /// <summary>The field was switched on or the card brought into it.</summary>
    internal void PowerOn()
    {
        State = SimulatedCardState.Idle;
        _wokenFromHalt = false;
        _level = 0;
    }

    /// <summary>The card's answer to a frame, or null for silence.</summary>
    internal List<bool>? Respond(ReadOnlySpan<byte> frame, int bitCount)
    {
        if (bitCount == 7)
        {
            var command = frame[0] & 0x7F;
            var wakeUp = command == 0x52;
            if (command == 0x26 && State == SimulatedCardState.Idle || wakeUp && State is SimulatedCardState.Idle or SimulatedCardState.Halt)
            {
                _wokenFromHalt = State == SimulatedCardState.Halt;
                State = SimulatedCardState.Ready;
                _level = 0;
                return ToBits([(byte)Atqa, (byte)(Atqa >> 8)], 16);
            }

            LeaveOnOtherCommand();
            return null;
        }

        if (bitCount >= 16 && frame[0] is 0x93 or 0x95 or 0x97)
        {
            return RespondToSelect(frame, bitCount);
        }

        if (bitCount == 32 && frame[0] == 0x50 && frame[1] == 0x00 && CrcMatches(frame[..4]))
        {
            if (State == SimulatedCardState.Active)
            {
                State = SimulatedCardState.Halt;
                return null;
            }
        }

        LeaveOnOtherCommand();
        return null;
    }

    private List<bool>? RespondToSelect(ReadOnlySpan<byte> frame, int bitCount)
    {
        var level = (frame[0] - 0x93) / 2;
        if (State == SimulatedCardState.Active)
        {
            // A selected card takes any further anticollision command as "not for me" and leaves (14443-3 §6.2).
            LeaveOnOtherCommand();
            return null;
        }

        if (State != SimulatedCardState.Ready || level != _level)
        {
            return null;
        }

        var levelBytes = _levels[_level];
        var nvb = frame[1];
        if (nvb == 0x70)
        {
            if (bitCount != 72 || !CrcMatches(frame[..9]) || !frame.Slice(2, 5).SequenceEqual(levelBytes))
            {
                return null;
            }

            var complete = _level == _levels.Length - 1;
            var sak = complete ? FinalSak : (byte)0x04;
            if (complete)
            {
                State = SimulatedCardState.Active;
            }
            else
            {
                _level++;
            }

            var crc = Iso14443aCrc.Compute([sak]);
            if (CorruptNextSakCrcCount > 0)
            {
                CorruptNextSakCrcCount--;
                crc ^= 0x0101;
            }

            return ToBits([sak, (byte)crc, (byte)(crc >> 8)], 24);
        }

        var knownBits = (((nvb >> 4) - 2) * 8) + (nvb & 0x0F);
        if (knownBits is < 0 or >= 40 || bitCount != 16 + knownBits)
        {
            return null;
        }

        var all = ToBits(levelBytes, 40);
        var sent = ToBits(frame[2..], knownBits);
        for (var i = 0; i < knownBits; i++)
        {
            if (all[i] != sent[i])
            {
                return null;
            }
        }

        return all.GetRange(knownBits, 40 - knownBits);
    }

    private void LeaveOnOtherCommand()
    {
        if (State is SimulatedCardState.Ready or SimulatedCardState.Active)
        {
            State = _wokenFromHalt ? SimulatedCardState.Halt : SimulatedCardState.Idle;
        }
    }

    private static bool CrcMatches(ReadOnlySpan<byte> frameWithCrc)
    {
        var crc = Iso14443aCrc.Compute(frameWithCrc[..^2]);
        return frameWithCrc[^2] == (byte)crc && frameWithCrc[^1] == (byte)(crc >> 8);
    }

    internal static List<bool> ToBits(ReadOnlySpan<byte> bytes, int bitCount)
    {
        var bits = new List<bool>(bitCount);
        for (var i = 0; i < bitCount; i++)
        {
            bits.Add(((bytes[i / 8] >> (i % 8)) & 1) != 0);
        }

        return bits;
    }

    private static byte[][] BuildLevels(byte[] uid)
    {
        static byte[] Level(byte a, byte b, byte c, byte d) => [a, b, c, d, (byte)(a ^ b ^ c ^ d)];
        return uid.Length switch
        {
            4 => [Level(uid[0], uid[1], uid[2], uid[3])],
            7 => [Level(CascadeTag, uid[0], uid[1], uid[2]), Level(uid[3], uid[4], uid[5], uid[6])],
            _ => [Level(CascadeTag, uid[0], uid[1], uid[2]), Level(CascadeTag, uid[3], uid[4], uid[5]), Level(uid[6], uid[7], uid[8], uid[9])],
        };
    }
}
