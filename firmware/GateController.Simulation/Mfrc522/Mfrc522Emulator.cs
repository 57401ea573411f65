using GateController.Hardware.Readers.Mfrc522;
using GateController.Hardware.Spi;

namespace GateController.Simulation.Mfrc522;

/// <summary>
/// An MFRC522 at register level behind its SPI framing (NXP datasheet rev 3.9): address bytes (§8.1.2.3), the 64-byte
/// FIFO (§8.3), CommandReg with Idle, Mem, GenerateRandomID, CalcCRC, Transmit, Receive, Transceive and SoftReset
/// (§10.3), IRQ flags with Set1/Set2 semantics (§9.3.1.5–6), the CRC coprocessor (§8.2.5), the TAuto timer (§8.5)
/// and an RF field holding any number of <see cref="SimulatedIso14443aCard"/>s whose answers are merged bit by bit,
/// with collisions reported in ErrorReg and CollReg (§9.3.1.7, §9.3.1.15). Faults: MISO stuck (base class), cards
/// leaving after N frames (removal mid-anticollision), corrupted SAK CRCs (on the card), a chip stuck in power-down.
/// Answers are immediate: when nobody answers and TAuto is on, TimerIRq is set at once (the wait is not modelled).
/// </summary>
public sealed class Mfrc522Emulator : SimulatedSpiDevice
{
    private const int FifoSize = 64;
    private const byte TxIrq = 0x40;
    private const byte RxIrq = 0x20;
    private const byte IdleIrq = 0x10;
    private const byte ErrIrq = 0x02;
    private const byte TimerIrq = 0x01;
    private const byte CrcIrq = 0x04;
    private const byte BufferOverflow = 0x10;
    private const byte CollisionError = 0x08;
    private const byte ProtocolError = 0x01;

    private readonly object _gate = new();
    private readonly byte[] _registers = new byte[64];
    private readonly Queue<byte> _fifo = new(FifoSize);
    private readonly List<SimulatedIso14443aCard> _field = [];
    private readonly byte[] _internalBuffer = new byte[25];
    private readonly Random _random = new(5221);
    private int _powerDownReadsLeft;
    private int _removeAfterFrames = -1;
    private bool _antennaOn;

    /// <summary>An emulated chip on SPI0 CE0 at 1 MHz.</summary>
    public Mfrc522Emulator()
        : this(Mfrc522SpiTransport.CreateSettings())
    {
    }

    /// <summary>An emulated chip with <paramref name="settings"/>.</summary>
    public Mfrc522Emulator(SpiConnectionSettings settings)
        : base(settings)
    {
        ResetRegisters();
    }

    /// <summary>What VersionReg reads; 0x92 (v2.0) unless set.</summary>
    public byte Version { get; set; } = 0x92;

    /// <summary>CommandReg reads of PowerDown = 1 after a soft reset (the oscillator start-up); 2 unless set.</summary>
    public int PowerDownReadsAfterReset { get; set; } = 2;

    /// <summary>When true the chip never leaves power-down after a reset.</summary>
    public bool StuckInPowerDown { get; set; }

    /// <summary>RF frames sent into the field so far.</summary>
    public long FramesTransmitted { get; private set; }

    /// <summary>True while TX1/TX2 drive the carrier (TxControlReg bits 1–0).</summary>
    public bool AntennaOn
    {
        get
        {
            lock (_gate)
            {
                return _antennaOn;
            }
        }
    }

    /// <summary>The cards now in the field.</summary>
    public IReadOnlyList<SimulatedIso14443aCard> Field
    {
        get
        {
            lock (_gate)
            {
                return [.. _field];
            }
        }
    }

    /// <summary>Brings <paramref name="card"/> into the field.</summary>
    public void AddCard(SimulatedIso14443aCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate)
        {
            _field.Add(card);
            card.PowerOn();
        }
    }

    /// <summary>Takes <paramref name="card"/> out of the field.</summary>
    public void RemoveCard(SimulatedIso14443aCard card)
    {
        lock (_gate)
        {
            _field.Remove(card);
        }
    }

    /// <summary>Takes every card out of the field.</summary>
    public void ClearField()
    {
        lock (_gate)
        {
            _field.Clear();
            _removeAfterFrames = -1;
        }
    }

    /// <summary>Every card leaves the field after <paramref name="frames"/> more RF frames (1: right after the next one).</summary>
    public void RemoveCardsAfterFrames(int frames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        lock (_gate)
        {
            _removeAfterFrames = frames;
        }
    }

    /// <summary>A register's raw value, for tests (FIFODataReg is not consumed).</summary>
    public byte PeekRegister(Mfrc522Register address)
    {
        lock (_gate)
        {
            return address switch
            {
                Mfrc522Register.FIFOLevelReg => (byte)_fifo.Count,
                Mfrc522Register.VersionReg => Version,
                _ => _registers[(int)address],
            };
        }
    }

    /// <inheritdoc />
    protected override void Exchange(ReadOnlySpan<byte> mosi, Span<byte> miso)
    {
        miso.Clear();

        // §8.1.2.3: bit 0 of the address byte is always 0; a frame breaking that is ignored.
        if (mosi.IsEmpty || (mosi[0] & 0x01) != 0)
        {
            return;
        }

        lock (_gate)
        {
            if ((mosi[0] & 0x80) != 0)
            {
                // §8.1.2.1: each byte sent is the next address; its value comes back on the following byte.
                for (var i = 1; i < mosi.Length; i++)
                {
                    miso[i] = Read((mosi[i - 1] >> 1) & 0x3F);
                }
            }
            else
            {
                // §8.1.2.2: the address once, then every data byte goes to that address.
                var address = (mosi[0] >> 1) & 0x3F;
                for (var i = 1; i < mosi.Length; i++)
                {
                    Write(address, mosi[i]);
                }
            }
        }
    }

    private byte Read(int address)
    {
        switch ((Mfrc522Register)address)
        {
            case Mfrc522Register.FIFODataReg:
                return _fifo.Count > 0 ? _fifo.Dequeue() : (byte)0;
            case Mfrc522Register.FIFOLevelReg:
                return (byte)_fifo.Count;
            case Mfrc522Register.VersionReg:
                return Version;
            case Mfrc522Register.CommandReg:
                var value = _registers[address];
                if (StuckInPowerDown || _powerDownReadsLeft > 0)
                {
                    _powerDownReadsLeft = Math.Max(0, _powerDownReadsLeft - 1);
                    return (byte)(value | 0x10);
                }

                return value;
            default:
                return _registers[address];
        }
    }

    private void Write(int address, byte value)
    {
        switch ((Mfrc522Register)address)
        {
            case Mfrc522Register.CommandReg:
                _registers[address] = (byte)((value & 0x30) | (_registers[address] & 0x0F));
                Execute((Mfrc522Command)(value & 0x0F));
                break;
            case Mfrc522Register.ComIrqReg:
                _registers[address] = SetOrClear(_registers[address], value, 0x7F);
                break;
            case Mfrc522Register.DivIrqReg:
                _registers[address] = SetOrClear(_registers[address], value, 0x14);
                break;
            case Mfrc522Register.FIFODataReg:
                if (_fifo.Count < FifoSize)
                {
                    _fifo.Enqueue(value);
                }
                else
                {
                    _registers[(int)Mfrc522Register.ErrorReg] |= BufferOverflow;
                }

                break;
            case Mfrc522Register.FIFOLevelReg:
                if ((value & 0x80) != 0)
                {
                    _fifo.Clear();
                    _registers[(int)Mfrc522Register.ErrorReg] &= unchecked((byte)~BufferOverflow);
                }

                break;
            case Mfrc522Register.BitFramingReg:
                _registers[address] = value;
                if ((value & 0x80) != 0 && CurrentCommand == Mfrc522Command.Transceive)
                {
                    Transceive();
                }

                break;
            case Mfrc522Register.TxControlReg:
                _registers[address] = value;
                SetAntenna((value & 0x03) != 0);
                break;
            case Mfrc522Register.CollReg:
                _registers[address] = (byte)((_registers[address] & 0x7F) | (value & 0x80));
                break;
            case Mfrc522Register.ErrorReg:
            case Mfrc522Register.Status1Reg:
            case Mfrc522Register.CRCResultRegH:
            case Mfrc522Register.CRCResultRegL:
            case Mfrc522Register.VersionReg:
                break;
            default:
                _registers[address] = value;
                break;
        }
    }

    private Mfrc522Command CurrentCommand => (Mfrc522Command)(_registers[(int)Mfrc522Register.CommandReg] & 0x0F);

    private void SetCommand(Mfrc522Command command) =>
        _registers[(int)Mfrc522Register.CommandReg] = (byte)((_registers[(int)Mfrc522Register.CommandReg] & 0x30) | (byte)command);

    private void Execute(Mfrc522Command command)
    {
        switch (command)
        {
            case Mfrc522Command.Idle:
                SetCommand(Mfrc522Command.Idle);
                break;
            case Mfrc522Command.Mem:
                // §10.3.1.2: 25 bytes FIFO -> buffer, or buffer -> FIFO when the FIFO is empty.
                if (_fifo.Count == 0)
                {
                    foreach (var b in _internalBuffer)
                    {
                        _fifo.Enqueue(b);
                    }
                }
                else
                {
                    for (var i = 0; i < _internalBuffer.Length && _fifo.Count > 0; i++)
                    {
                        _internalBuffer[i] = _fifo.Dequeue();
                    }
                }

                Finish();
                break;
            case Mfrc522Command.GenerateRandomId:
                _random.NextBytes(_internalBuffer.AsSpan(0, 10));
                Finish();
                break;
            case Mfrc522Command.CalcCrc:
                SetCommand(Mfrc522Command.CalcCrc);
                CalculateCrc();
                break;
            case Mfrc522Command.Transmit:
                SetCommand(Mfrc522Command.Transmit);
                SendIntoField(out _);
                _registers[(int)Mfrc522Register.ComIrqReg] |= TxIrq;
                Finish();
                break;
            case Mfrc522Command.Receive:
            case Mfrc522Command.NoCmdChange when CurrentCommand == Mfrc522Command.Receive:
                SetCommand(Mfrc522Command.Receive);
                break;
            case Mfrc522Command.NoCmdChange:
                break;
            case Mfrc522Command.Transceive:
                SetCommand(Mfrc522Command.Transceive);
                if ((_registers[(int)Mfrc522Register.BitFramingReg] & 0x80) != 0)
                {
                    Transceive();
                }

                break;
            case Mfrc522Command.SoftReset:
                ResetRegisters();
                _powerDownReadsLeft = PowerDownReadsAfterReset;
                break;
            default:
                // MFAuthent and unknown codes: not emulated; report a protocol error and stop.
                _registers[(int)Mfrc522Register.ErrorReg] |= ProtocolError;
                _registers[(int)Mfrc522Register.ComIrqReg] |= ErrIrq;
                SetCommand(Mfrc522Command.Idle);
                break;
        }
    }

    private void Finish()
    {
        _registers[(int)Mfrc522Register.ComIrqReg] |= IdleIrq;
        SetCommand(Mfrc522Command.Idle);
    }

    private void CalculateCrc()
    {
        // ModeReg CRCPreset bits 1–0 (§9.3.2.2).
        ushort preset = (_registers[(int)Mfrc522Register.ModeReg] & 0x03) switch
        {
            0 => 0x0000,
            1 => 0x6363,
            2 => 0xA671,
            _ => 0xFFFF,
        };
        var data = _fifo.ToArray();
        _fifo.Clear();
        var crc = Iso14443aCrc.Compute(data, preset);
        _registers[(int)Mfrc522Register.CRCResultRegH] = (byte)(crc >> 8);
        _registers[(int)Mfrc522Register.CRCResultRegL] = (byte)crc;
        _registers[(int)Mfrc522Register.DivIrqReg] |= CrcIrq;
    }

    private void Transceive()
    {
        var framing = _registers[(int)Mfrc522Register.BitFramingReg];
        var rxAlign = (framing >> 4) & 0x07;
        _registers[(int)Mfrc522Register.ErrorReg] = 0;
        var answers = SendIntoField(out var sent);
        _registers[(int)Mfrc522Register.ComIrqReg] |= TxIrq;
        if (!sent)
        {
            return;
        }

        if (answers.Count == 0)
        {
            // TAuto (TModeReg bit 7, §9.3.3.10): the timer started at the end of transmission and ran out.
            if ((_registers[(int)Mfrc522Register.TModeReg] & 0x80) != 0)
            {
                _registers[(int)Mfrc522Register.ComIrqReg] |= TimerIrq;
            }

            return;
        }

        var length = answers.Max(a => a.Count);
        var bits = new bool[length];
        var collision = -1;
        for (var i = 0; i < length; i++)
        {
            var ones = answers.Count(a => i < a.Count && a[i]);
            var zeros = answers.Count(a => i < a.Count && !a[i]);
            if (ones > 0 && zeros > 0 && collision < 0)
            {
                collision = i;
            }

            bits[i] = ones > 0;
        }

        var valuesAfterCollision = (_registers[(int)Mfrc522Register.CollReg] & 0x80) != 0;
        if (collision >= 0 && !valuesAfterCollision)
        {
            // ValuesAfterColl = 0: received bits are cleared after a collision (§9.3.1.15).
            Array.Clear(bits, collision, length - collision);
        }

        var total = rxAlign + length;
        var packed = new byte[(total + 7) / 8];
        for (var i = 0; i < length; i++)
        {
            if (bits[i])
            {
                var position = rxAlign + i;
                packed[position / 8] |= (byte)(1 << (position % 8));
            }
        }

        foreach (var b in packed)
        {
            if (_fifo.Count < FifoSize)
            {
                _fifo.Enqueue(b);
            }
        }

        _registers[(int)Mfrc522Register.ControlReg] = (byte)((_registers[(int)Mfrc522Register.ControlReg] & 0xF8) | (total % 8));
        var collReg = (byte)(_registers[(int)Mfrc522Register.CollReg] & 0x80);
        if (collision >= 0)
        {
            // CollPos counts from 1 at bit 0 of the first FIFO byte (RxAlign included); 32 reads as 0.
            var position = rxAlign + collision + 1;
            collReg |= position > 32 ? (byte)0x20 : (byte)(position % 32);
            _registers[(int)Mfrc522Register.ErrorReg] |= CollisionError;
            _registers[(int)Mfrc522Register.ComIrqReg] |= ErrIrq;
        }
        else
        {
            collReg |= 0x20;
        }

        _registers[(int)Mfrc522Register.CollReg] = collReg;
        _registers[(int)Mfrc522Register.ComIrqReg] |= RxIrq;
    }

    private List<List<bool>> SendIntoField(out bool sent)
    {
        var framing = _registers[(int)Mfrc522Register.BitFramingReg];
        var txLastBits = framing & 0x07;
        var frame = _fifo.ToArray();
        _fifo.Clear();
        var answers = new List<List<bool>>();
        sent = frame.Length > 0;
        if (!sent || !_antennaOn)
        {
            return answers;
        }

        var bitCount = ((frame.Length - 1) * 8) + (txLastBits == 0 ? 8 : txLastBits);
        FramesTransmitted++;
        foreach (var card in _field)
        {
            var answer = card.Respond(frame, bitCount);
            if (answer is not null)
            {
                answers.Add(answer);
            }
        }

        if (_removeAfterFrames > 0 && --_removeAfterFrames == 0)
        {
            _field.Clear();
            _removeAfterFrames = -1;
        }

        return answers;
    }

    private void SetAntenna(bool on)
    {
        if (on && !_antennaOn)
        {
            foreach (var card in _field)
            {
                card.PowerOn();
            }
        }

        _antennaOn = on;
    }

    private static byte SetOrClear(byte current, byte written, byte mask)
    {
        var bits = (byte)(written & mask);
        return (written & 0x80) != 0 ? (byte)(current | bits) : (byte)(current & ~bits);
    }

    private void ResetRegisters()
    {
        // Reset values from the register descriptions (§9.3.1–§9.3.3).
        Array.Clear(_registers);
        _fifo.Clear();
        _registers[(int)Mfrc522Register.CommandReg] = 0x20;
        _registers[(int)Mfrc522Register.ComIEnReg] = 0x80;
        _registers[(int)Mfrc522Register.ComIrqReg] = 0x14;
        _registers[(int)Mfrc522Register.Status1Reg] = 0x21;
        _registers[(int)Mfrc522Register.WaterLevelReg] = 0x08;
        _registers[(int)Mfrc522Register.ControlReg] = 0x10;
        _registers[(int)Mfrc522Register.CollReg] = 0x80;
        _registers[(int)Mfrc522Register.ModeReg] = 0x3F;
        _registers[(int)Mfrc522Register.TxControlReg] = 0x80;
        _registers[(int)Mfrc522Register.TxSelReg] = 0x10;
        _registers[(int)Mfrc522Register.RxSelReg] = 0x84;
        _registers[(int)Mfrc522Register.RxThresholdReg] = 0x84;
        _registers[(int)Mfrc522Register.DemodReg] = 0x4D;
        _registers[(int)Mfrc522Register.MfTxReg] = 0x62;
        _registers[(int)Mfrc522Register.SerialSpeedReg] = 0xEB;
        _registers[(int)Mfrc522Register.CRCResultRegH] = 0xFF;
        _registers[(int)Mfrc522Register.CRCResultRegL] = 0xFF;
        _registers[(int)Mfrc522Register.ModWidthReg] = 0x26;
        _registers[(int)Mfrc522Register.RFCfgReg] = 0x48;
        _registers[(int)Mfrc522Register.GsNReg] = 0x88;
        _registers[(int)Mfrc522Register.CWGsPReg] = 0x20;
        _registers[(int)Mfrc522Register.ModGsPReg] = 0x20;
        _antennaOn = false;
    }
}
