namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>MFRC522 register addresses (NXP MFRC522 datasheet rev 3.9, §9.2 Table 20 register overview).</summary>
public enum Mfrc522Register : byte
{
    /// <summary>Starts and stops command execution (§9.3.1.2).</summary>
    CommandReg = 0x01,

    /// <summary>Interrupt request enables for ComIrqReg (§9.3.1.3).</summary>
    ComIEnReg = 0x02,

    /// <summary>Interrupt request enables for DivIrqReg (§9.3.1.4).</summary>
    DivIEnReg = 0x03,

    /// <summary>Interrupt request bits (§9.3.1.5).</summary>
    ComIrqReg = 0x04,

    /// <summary>Interrupt request bits, CRC and MFIN (§9.3.1.6).</summary>
    DivIrqReg = 0x05,

    /// <summary>Error bits of the last command (§9.3.1.7).</summary>
    ErrorReg = 0x06,

    /// <summary>Communication status (§9.3.1.8).</summary>
    Status1Reg = 0x07,

    /// <summary>Receiver, transmitter and data mode detector status (§9.3.1.9).</summary>
    Status2Reg = 0x08,

    /// <summary>Input and output of the 64-byte FIFO buffer (§9.3.1.10).</summary>
    FIFODataReg = 0x09,

    /// <summary>Number of bytes in the FIFO; bit 7 flushes it (§9.3.1.11).</summary>
    FIFOLevelReg = 0x0A,

    /// <summary>FIFO under- and overflow warning level (§9.3.1.12).</summary>
    WaterLevelReg = 0x0B,

    /// <summary>Miscellaneous control, RxLastBits (§9.3.1.13).</summary>
    ControlReg = 0x0C,

    /// <summary>Bit-oriented frame adjustments: StartSend, RxAlign, TxLastBits (§9.3.1.14).</summary>
    BitFramingReg = 0x0D,

    /// <summary>First bit collision detected on the RF interface (§9.3.1.15).</summary>
    CollReg = 0x0E,

    /// <summary>General transmit and receive modes, CRC preset (§9.3.2.2).</summary>
    ModeReg = 0x11,

    /// <summary>Transmission data rate and framing (§9.3.2.3).</summary>
    TxModeReg = 0x12,

    /// <summary>Reception data rate and framing (§9.3.2.4).</summary>
    RxModeReg = 0x13,

    /// <summary>Antenna driver pins TX1 and TX2 (§9.3.2.5).</summary>
    TxControlReg = 0x14,

    /// <summary>Transmit modulation, Force100ASK (§9.3.2.6).</summary>
    TxASKReg = 0x15,

    /// <summary>Internal sources for the antenna driver (§9.3.2.7).</summary>
    TxSelReg = 0x16,

    /// <summary>Internal receiver settings (§9.3.2.8).</summary>
    RxSelReg = 0x17,

    /// <summary>Bit decoder thresholds (§9.3.2.9).</summary>
    RxThresholdReg = 0x18,

    /// <summary>Demodulator settings (§9.3.2.10).</summary>
    DemodReg = 0x19,

    /// <summary>MIFARE transmit parameters (§9.3.2.13).</summary>
    MfTxReg = 0x1C,

    /// <summary>MIFARE receive parameters (§9.3.2.14).</summary>
    MfRxReg = 0x1D,

    /// <summary>UART speed (§9.3.2.16).</summary>
    SerialSpeedReg = 0x1F,

    /// <summary>CRC result, most significant byte (§9.3.3.2).</summary>
    CRCResultRegH = 0x21,

    /// <summary>CRC result, least significant byte (§9.3.3.2).</summary>
    CRCResultRegL = 0x22,

    /// <summary>Modulation width (§9.3.3.4).</summary>
    ModWidthReg = 0x24,

    /// <summary>Receiver gain (§9.3.3.6).</summary>
    RFCfgReg = 0x26,

    /// <summary>Antenna driver n-driver conductance (§9.3.3.7).</summary>
    GsNReg = 0x27,

    /// <summary>Antenna driver p-driver conductance (§9.3.3.8).</summary>
    CWGsPReg = 0x28,

    /// <summary>Modulation p-driver conductance (§9.3.3.9).</summary>
    ModGsPReg = 0x29,

    /// <summary>Timer mode and prescaler high bits (§9.3.3.10).</summary>
    TModeReg = 0x2A,

    /// <summary>Timer prescaler low bits (§9.3.3.10).</summary>
    TPrescalerReg = 0x2B,

    /// <summary>Timer reload value, high byte (§9.3.3.11).</summary>
    TReloadRegH = 0x2C,

    /// <summary>Timer reload value, low byte (§9.3.3.11).</summary>
    TReloadRegL = 0x2D,

    /// <summary>Timer value, high byte (§9.3.3.12).</summary>
    TCounterValRegH = 0x2E,

    /// <summary>Timer value, low byte (§9.3.3.12).</summary>
    TCounterValRegL = 0x2F,

    /// <summary>Digital self-test (§9.3.4.7).</summary>
    AutoTestReg = 0x36,

    /// <summary>Software version: 0x91 = v1.0, 0x92 = v2.0 (§9.3.4.8).</summary>
    VersionReg = 0x37,
}
