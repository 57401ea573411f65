using System.Diagnostics;

namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>
/// The MFRC522 protocol over any <see cref="IMfrc522Transport"/>: reset and set-up, REQA/WUPA, anticollision and
/// select for cascade levels 1–3, CRC_A through the chip's coprocessor, HLTA. Register values and delays cite the
/// NXP MFRC522 datasheet rev 3.9 ("§") and ISO/IEC 14443-3 ("14443-3"). Not thread-safe: one poll loop owns it.
/// </summary>
public sealed class Mfrc522Device
{
    /// <summary>The longest UID (triple size, 14443-3 §6.5.4).</summary>
    public const int MaximumUidLength = 10;

    // CommandReg (§9.3.1.2): bit 4 PowerDown reads 1 until the chip is ready after a reset or wake-up.
    private const byte PowerDownBit = 0x10;

    // ComIrqReg bits (§9.3.1.5).
    private const byte RxIrq = 0x20;
    private const byte IdleIrq = 0x10;
    private const byte TimerIrq = 0x01;

    // Writing 0x7F clears every ComIrqReg request bit: Set1 (bit 7) = 0 clears the bits written as 1 (§9.3.1.5).
    private const byte ClearAllComIrq = 0x7F;

    // DivIrqReg (§9.3.1.6): bit 2 CRCIRq; written with Set2 = 0 it clears the bit.
    private const byte CrcIrq = 0x04;

    // ErrorReg bits (§9.3.1.7).
    private const byte BufferOverflowError = 0x10;
    private const byte CollisionError = 0x08;
    private const byte ParityError = 0x02;
    private const byte ProtocolErrorBit = 0x01;

    // FIFOLevelReg bit 7 FlushBuffer empties the FIFO (§9.3.1.11).
    private const byte FlushBuffer = 0x80;

    // BitFramingReg bit 7 StartSend starts the transmission of a Transceive (§9.3.1.14).
    private const byte StartSend = 0x80;

    // CollReg (§9.3.1.15): bit 7 ValuesAfterColl, bit 5 CollPosNotValid, bits 4–0 CollPos (0 means bit 32).
    private const byte ValuesAfterColl = 0x80;
    private const byte CollPosNotValid = 0x20;
    private const byte CollPosMask = 0x1F;

    // ISO/IEC 14443-3 commands (§6.3 and §6.4).
    private const byte RequestA = 0x26;
    private const byte WakeUpA = 0x52;
    private const byte HaltA = 0x50;
    private const byte CascadeTag = 0x88;
    private const byte SelectNvb = 0x70;
    private const byte SakUidNotComplete = 0x04;

    /// <summary>
    /// Host-side bound on polling the chip for a command's end, in register reads. The chip's own timer (set up in
    /// <see cref="Initialize"/>) ends every Transceive within 2 ms; this bound only catches a chip that stopped answering.
    /// </summary>
    private const int MaximumIrqPolls = 2000;

    private static readonly byte[] SelectCommands = [0x93, 0x95, 0x97];

    private readonly IMfrc522Transport _transport;
    private readonly byte[] _frame = new byte[9];
    private readonly byte[] _response = new byte[64];

    /// <summary>A protocol driver for the chip behind <paramref name="transport"/>.</summary>
    public Mfrc522Device(IMfrc522Transport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
    }

    /// <summary>The transport's device name, for health messages.</summary>
    public string DeviceName => _transport.DeviceName;

    /// <summary>Reads VersionReg (§9.3.4.8): 0x91 = v1.0, 0x92 = v2.0; 0x00 or 0xFF means no chip answers on the bus.</summary>
    public byte ReadVersion() => _transport.ReadRegister(Mfrc522Register.VersionReg);

    /// <summary>True when <paramref name="version"/> is what an empty bus reads (MISO held low or floating high).</summary>
    public static bool IsAbsentVersion(byte version) => version is 0x00 or 0xFF;

    /// <summary>
    /// Soft reset and ISO/IEC 14443-A 106 kBd set-up with the antenna on. Returns <see cref="Mfrc522Status.ChipTimeout"/>
    /// if the chip never leaves power-down after the reset.
    /// </summary>
    public Mfrc522Status Initialize()
    {
        // SoftReset command (§10.3.1.10): resets the internal state; registers take their reset values (§9.3.1 tables).
        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.SoftReset);

        // After the reset the oscillator restarts (§8.8.2: start-up time depends on the crystal, typically well under
        // 1 ms); CommandReg PowerDown reads 1 until the chip is ready (§9.3.1.2). Poll it, bounded.
        var ready = false;
        for (var i = 0; i < MaximumIrqPolls; i++)
        {
            if ((_transport.ReadRegister(Mfrc522Register.CommandReg) & PowerDownBit) == 0)
            {
                ready = true;
                break;
            }
        }

        if (!ready)
        {
            return Mfrc522Status.ChipTimeout;
        }

        // TxModeReg/RxModeReg = 0x00 (§9.3.2.3, §9.3.2.4): 106 kBd, TxCRCEn/RxCRCEn off — CRC_A is added and checked
        // here through the CRC coprocessor, because anticollision frames carry no CRC.
        _transport.WriteRegister(Mfrc522Register.TxModeReg, 0x00);
        _transport.WriteRegister(Mfrc522Register.RxModeReg, 0x00);

        // ModWidthReg = 0x26, its reset value (§9.3.3.4), written in case a previous user changed it.
        _transport.WriteRegister(Mfrc522Register.ModWidthReg, 0x26);

        // Timer (§8.5, §9.3.3.10, §9.3.3.11): TModeReg = 0x80 sets TAuto (starts at the end of each transmission, stops
        // on the first received bit) with TPrescaler_Hi = 0; TPrescalerReg = 0xA9 gives TPrescaler = 169 and
        // f_timer = 13.56 MHz / (2 * 169 + 1) = 40 kHz, a 25 µs tick. TReload = 80 ticks = 2 ms: far above the
        // 14443-3 §6.2.1.1 frame delay time (1236/fc ≈ 91 µs) for REQA/WUPA, anticollision, SELECT and HLTA.
        _transport.WriteRegister(Mfrc522Register.TModeReg, 0x80);
        _transport.WriteRegister(Mfrc522Register.TPrescalerReg, 0xA9);
        _transport.WriteRegister(Mfrc522Register.TReloadRegH, 0x00);
        _transport.WriteRegister(Mfrc522Register.TReloadRegL, 0x50);

        // TxASKReg = 0x40: Force100ASK, the 100 % ASK modulation 14443-A requires (§9.3.2.6).
        _transport.WriteRegister(Mfrc522Register.TxASKReg, 0x40);

        // ModeReg = 0x3D (§9.3.2.2): MSBFirst = 0, TxWaitRF = 1, PolMFin = 1, CRCPreset = 01b (0x6363, CRC_A).
        _transport.WriteRegister(Mfrc522Register.ModeReg, 0x3D);

        // TxControlReg bits 1–0 (Tx2RFEn, Tx1RFEn) switch the 13.56 MHz carrier on TX1 and TX2 on (§9.3.2.5).
        var txControl = _transport.ReadRegister(Mfrc522Register.TxControlReg);
        if ((txControl & 0x03) != 0x03)
        {
            _transport.WriteRegister(Mfrc522Register.TxControlReg, (byte)(txControl | 0x03));
        }

        return Mfrc522Status.Ok;
    }

    /// <summary>Sends WUPA (7 bits, 14443-3 §6.3.1): idle and halted cards answer with ATQA.</summary>
    public Mfrc522Status WakeUp() => RequestOrWakeUp(WakeUpA);

    /// <summary>Sends REQA (7 bits, 14443-3 §6.3.1): only idle cards answer with ATQA.</summary>
    public Mfrc522Status Request() => RequestOrWakeUp(RequestA);

    /// <summary>
    /// Anticollision and select through cascade levels 1–3 (14443-3 §6.4.3); on success <paramref name="uid"/> holds
    /// <paramref name="uidLength"/> (4, 7 or 10) bytes and the card is ACTIVE. <see cref="Mfrc522Status.NoCard"/>
    /// means nobody answered the first anticollision command.
    /// </summary>
    public Mfrc522Status Select(Span<byte> uid, out int uidLength, out byte sak)
    {
        if (uid.Length < MaximumUidLength)
        {
            throw new ArgumentException($"the UID buffer must hold {MaximumUidLength} bytes", nameof(uid));
        }

        uidLength = 0;
        sak = 0;

        // ValuesAfterColl = 0: bits received after a collision are cleared (§9.3.1.15).
        var coll = _transport.ReadRegister(Mfrc522Register.CollReg);
        _transport.WriteRegister(Mfrc522Register.CollReg, (byte)(coll & ~ValuesAfterColl));

        Span<byte> levelBytes = stackalloc byte[5];
        for (var level = 0; level < SelectCommands.Length; level++)
        {
            var status = Anticollision(SelectCommands[level], levelBytes, isFirstCommand: level == 0);
            if (status != Mfrc522Status.Ok)
            {
                return status;
            }

            status = SelectLevel(SelectCommands[level], levelBytes, out sak);
            if (status != Mfrc522Status.Ok)
            {
                return status;
            }

            var uidIncomplete = (sak & SakUidNotComplete) != 0;
            var hasCascadeTag = levelBytes[0] == CascadeTag;

            // 14443-3 §6.4.3.4: SAK bit 3 (0x04) says the UID continues; then this level must start with the cascade
            // tag 0x88, and there is no level after the third. SAK decides: a later level's first byte may be 0x88.
            if (uidIncomplete && (!hasCascadeTag || level == SelectCommands.Length - 1))
            {
                return Mfrc522Status.ProtocolError;
            }

            if (uidIncomplete)
            {
                levelBytes.Slice(1, 3).CopyTo(uid[uidLength..]);
                uidLength += 3;
                continue;
            }

            levelBytes[..4].CopyTo(uid[uidLength..]);
            uidLength += 4;
            return Mfrc522Status.Ok;
        }

        return Mfrc522Status.ProtocolError;
    }

    /// <summary>Sends HLTA with CRC_A (14443-3 §6.3.3); a card never answers it, so silence is success.</summary>
    public Mfrc522Status Halt()
    {
        _frame[0] = HaltA;
        _frame[1] = 0x00;
        var status = CalculateCrc(_frame.AsSpan(0, 2), _frame.AsSpan(2, 2));
        if (status != Mfrc522Status.Ok)
        {
            return status;
        }

        status = Transceive(_frame.AsSpan(0, 4), 0, 0, out _, out _);
        return status == Mfrc522Status.NoCard ? Mfrc522Status.Ok : Mfrc522Status.ProtocolError;
    }

    /// <summary>
    /// Computes CRC_A over <paramref name="data"/> with the chip's CRC coprocessor (§8.2.5, CalcCRC §10.3.1.4) into
    /// <paramref name="crc"/> (2 bytes, least significant first, as sent on the air).
    /// </summary>
    public Mfrc522Status CalculateCrc(ReadOnlySpan<byte> data, Span<byte> crc)
    {
        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.Idle);
        _transport.WriteRegister(Mfrc522Register.DivIrqReg, CrcIrq);
        _transport.WriteRegister(Mfrc522Register.FIFOLevelReg, FlushBuffer);
        _transport.WriteRegister(Mfrc522Register.FIFODataReg, data);
        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.CalcCrc);

        // CRCIRq is set once all FIFO data has been processed (§9.3.1.6); CalcCRC does not end by itself (§10.3.1.4).
        var done = false;
        for (var i = 0; i < MaximumIrqPolls; i++)
        {
            if ((_transport.ReadRegister(Mfrc522Register.DivIrqReg) & CrcIrq) != 0)
            {
                done = true;
                break;
            }
        }

        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.Idle);
        if (!done)
        {
            return Mfrc522Status.ChipTimeout;
        }

        // CRCResultReg (§9.3.3.2): H holds the MSB, L the LSB; CRC_A goes on the air LSB first.
        crc[0] = _transport.ReadRegister(Mfrc522Register.CRCResultRegL);
        crc[1] = _transport.ReadRegister(Mfrc522Register.CRCResultRegH);
        return Mfrc522Status.Ok;
    }

    /// <summary>
    /// One Transceive (§10.3.1.8): <paramref name="send"/> with <paramref name="txLastBits"/> valid bits in its last
    /// byte (0 = all 8); the reply's first bit lands at bit <paramref name="rxAlign"/> of the first FIFO byte (§9.3.1.14).
    /// Returns <see cref="Mfrc522Status.Collision"/> with the reply bytes still available in the response buffer.
    /// </summary>
    internal Mfrc522Status Transceive(ReadOnlySpan<byte> send, int txLastBits, int rxAlign, out int receivedBytes, out int rxLastBits)
    {
        Debug.Assert(txLastBits is >= 0 and < 8 && rxAlign is >= 0 and < 8, "bit counts fit BitFramingReg");
        receivedBytes = 0;
        rxLastBits = 0;
        var framing = (byte)((rxAlign << 4) | txLastBits);

        // Stop any command, clear the interrupt requests, flush the FIFO, load it (§9.3.1.2, §9.3.1.5, §9.3.1.11).
        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.Idle);
        _transport.WriteRegister(Mfrc522Register.ComIrqReg, ClearAllComIrq);
        _transport.WriteRegister(Mfrc522Register.FIFOLevelReg, FlushBuffer);
        _transport.WriteRegister(Mfrc522Register.FIFODataReg, send);
        _transport.WriteRegister(Mfrc522Register.BitFramingReg, framing);
        _transport.WriteRegister(Mfrc522Register.CommandReg, (byte)Mfrc522Command.Transceive);

        // StartSend starts the transmission; only valid with Transceive (§9.3.1.14).
        _transport.WriteRegister(Mfrc522Register.BitFramingReg, (byte)(framing | StartSend));

        // RxIRq: the end of a received frame; IdleIRq: the command ended; TimerIRq: no answer before TReload ran out
        // (§9.3.1.5). Transceive never ends by itself (§10.3.1.8), so RxIRq is the usual ending.
        byte irq = 0;
        var finished = false;
        for (var i = 0; i < MaximumIrqPolls; i++)
        {
            irq = _transport.ReadRegister(Mfrc522Register.ComIrqReg);
            if ((irq & (RxIrq | IdleIrq | TimerIrq)) != 0)
            {
                finished = true;
                break;
            }
        }

        _transport.WriteRegister(Mfrc522Register.BitFramingReg, framing);
        if (!finished)
        {
            return Mfrc522Status.ChipTimeout;
        }

        if ((irq & (RxIrq | IdleIrq)) == 0)
        {
            return Mfrc522Status.NoCard;
        }

        var error = _transport.ReadRegister(Mfrc522Register.ErrorReg);
        if ((error & (BufferOverflowError | ParityError | ProtocolErrorBit)) != 0)
        {
            return Mfrc522Status.ProtocolError;
        }

        // FIFOLevelReg bits 6–0: bytes stored (§9.3.1.11); ControlReg bits 2–0 RxLastBits: valid bits in the last
        // byte, 0 meaning all 8 (§9.3.1.13).
        receivedBytes = _transport.ReadRegister(Mfrc522Register.FIFOLevelReg) & 0x7F;
        if (receivedBytes > _response.Length)
        {
            return Mfrc522Status.ProtocolError;
        }

        _transport.ReadRegister(Mfrc522Register.FIFODataReg, _response.AsSpan(0, receivedBytes));
        rxLastBits = _transport.ReadRegister(Mfrc522Register.ControlReg) & 0x07;
        return (error & CollisionError) != 0 ? Mfrc522Status.Collision : Mfrc522Status.Ok;
    }

    private Mfrc522Status RequestOrWakeUp(byte command)
    {
        _frame[0] = command;

        // Short frame: 7 bits (TxLastBits = 7, §9.3.1.14; 14443-3 §6.1.5.1).
        var status = Transceive(_frame.AsSpan(0, 1), 7, 0, out var received, out var lastBits);

        // ATQA is 2 bytes (14443-3 §6.3.2). Several cards answering at once may collide in ATQA; they are still there.
        if (status is Mfrc522Status.Ok or Mfrc522Status.Collision)
        {
            return received == 2 && lastBits == 0 ? Mfrc522Status.Ok : Mfrc522Status.ProtocolError;
        }

        return status;
    }

    private Mfrc522Status Anticollision(byte selectCommand, Span<byte> levelBytes, bool isFirstCommand)
    {
        levelBytes.Clear();
        var knownBits = 0;

        // At most 32 collisions can be resolved in a 32-bit UID field; each round learns at least one bit.
        for (var round = 0; round <= 32; round++)
        {
            var wholeBytes = knownBits / 8;
            var extraBits = knownBits % 8;
            var sentUidBytes = wholeBytes + (extraBits == 0 ? 0 : 1);

            // SEL, NVB (upper nibble: whole bytes sent including SEL and NVB; lower: extra bits), then the known
            // UID bits (14443-3 §6.4.3.1–6.4.3.2).
            _frame[0] = selectCommand;
            _frame[1] = (byte)(((2 + wholeBytes) << 4) | extraBits);
            levelBytes[..sentUidBytes].CopyTo(_frame.AsSpan(2));

            var status = Transceive(_frame.AsSpan(0, 2 + sentUidBytes), extraBits, extraBits, out var received, out var lastBits);
            if (status == Mfrc522Status.NoCard)
            {
                // Nobody answers the very first anticollision command: no (further) card. Silence after a card took
                // part in anticollision means it left the field.
                return isFirstCommand && round == 0 ? Mfrc522Status.NoCard : Mfrc522Status.CardLost;
            }

            if (status is not (Mfrc522Status.Ok or Mfrc522Status.Collision))
            {
                return status;
            }

            // The reply completes the 40-bit field (4 UID bytes + BCC) from bit knownBits on.
            if (received != 5 - wholeBytes || wholeBytes + received > levelBytes.Length)
            {
                return Mfrc522Status.ProtocolError;
            }

            for (var i = 0; i < received; i++)
            {
                var value = _response[i];
                if (i == 0 && extraBits != 0)
                {
                    var keep = (byte)((1 << extraBits) - 1);
                    value = (byte)((levelBytes[wholeBytes] & keep) | (value & ~keep));
                }

                levelBytes[wholeBytes + i] = value;
            }

            if (status == Mfrc522Status.Collision)
            {
                var collReg = _transport.ReadRegister(Mfrc522Register.CollReg);
                if ((collReg & CollPosNotValid) != 0)
                {
                    return Mfrc522Status.ProtocolError;
                }

                // CollPos counts from bit 1 of the first FIFO byte, RxAlign included; 0 means 32 (§9.3.1.15).
                var position = collReg & CollPosMask;
                if (position == 0)
                {
                    position = 32;
                }

                var collisionBit = (wholeBytes * 8) + position;
                if (collisionBit <= knownBits || collisionBit > 32)
                {
                    return Mfrc522Status.ProtocolError;
                }

                // Keep the bits before the collision, choose 1 for the colliding bit (14443-3 §6.4.3.2), drop the rest.
                var index = (collisionBit - 1) / 8;
                var bit = (collisionBit - 1) % 8;
                var below = (byte)((1 << bit) - 1);
                levelBytes[index] = (byte)((levelBytes[index] & below) | (1 << bit));
                levelBytes[(index + 1)..].Clear();
                knownBits = collisionBit;
                continue;
            }

            if (lastBits != 0)
            {
                return Mfrc522Status.ProtocolError;
            }

            // BCC is the XOR of the four UID bytes of this level (14443-3 §6.4.4).
            var bcc = (byte)(levelBytes[0] ^ levelBytes[1] ^ levelBytes[2] ^ levelBytes[3]);
            return bcc == levelBytes[4] ? Mfrc522Status.Ok : Mfrc522Status.BccError;
        }

        return Mfrc522Status.ProtocolError;
    }

    private Mfrc522Status SelectLevel(byte selectCommand, ReadOnlySpan<byte> levelBytes, out byte sak)
    {
        sak = 0;

        // SELECT: SEL, NVB = 0x70 (7 whole bytes), the 4 bytes and BCC, CRC_A (14443-3 §6.4.3.3).
        _frame[0] = selectCommand;
        _frame[1] = SelectNvb;
        levelBytes.CopyTo(_frame.AsSpan(2, 5));
        var status = CalculateCrc(_frame.AsSpan(0, 7), _frame.AsSpan(7, 2));
        if (status != Mfrc522Status.Ok)
        {
            return status;
        }

        status = Transceive(_frame.AsSpan(0, 9), 0, 0, out var received, out var lastBits);
        if (status == Mfrc522Status.NoCard)
        {
            return Mfrc522Status.CardLost;
        }

        if (status != Mfrc522Status.Ok)
        {
            return status == Mfrc522Status.Collision ? Mfrc522Status.ProtocolError : status;
        }

        // SAK is one byte followed by its CRC_A (14443-3 §6.4.3.4).
        if (received != 3 || lastBits != 0)
        {
            return Mfrc522Status.ProtocolError;
        }

        sak = _response[0];
        var sakCrcLow = _response[1];
        var sakCrcHigh = _response[2];
        Span<byte> sakBytes = [sak];
        Span<byte> expected = stackalloc byte[2];
        status = CalculateCrc(sakBytes, expected);
        if (status != Mfrc522Status.Ok)
        {
            return status;
        }

        return expected[0] == sakCrcLow && expected[1] == sakCrcHigh ? Mfrc522Status.Ok : Mfrc522Status.CrcError;
    }
}
