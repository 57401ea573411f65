namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>MFRC522 command codes written to CommandReg[3:0] (datasheet rev 3.9, §10.3 Table 149).</summary>
public enum Mfrc522Command : byte
{
    /// <summary>No action; cancels the current command (§10.3.1.1).</summary>
    Idle = 0x0,

    /// <summary>Stores 25 bytes into the internal buffer or loads them into the FIFO (§10.3.1.2).</summary>
    Mem = 0x1,

    /// <summary>Generates a 10-byte random ID (§10.3.1.3).</summary>
    GenerateRandomId = 0x2,

    /// <summary>Activates the CRC coprocessor over the FIFO contents (§10.3.1.4).</summary>
    CalcCrc = 0x3,

    /// <summary>Transmits the FIFO contents (§10.3.1.5).</summary>
    Transmit = 0x4,

    /// <summary>Changes CommandReg bits without changing the command (§10.3.1.6).</summary>
    NoCmdChange = 0x7,

    /// <summary>Activates the receiver (§10.3.1.7).</summary>
    Receive = 0x8,

    /// <summary>Transmits the FIFO and then receives into it; StartSend starts each transmission (§10.3.1.8).</summary>
    Transceive = 0xC,

    /// <summary>MIFARE Classic authentication (§10.3.1.9).</summary>
    MFAuthent = 0xE,

    /// <summary>Resets the chip (§10.3.1.10).</summary>
    SoftReset = 0xF,
}
