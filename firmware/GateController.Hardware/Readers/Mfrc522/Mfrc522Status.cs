namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>The outcome of one exchange with the chip and the cards in its field.</summary>
public enum Mfrc522Status
{
    /// <summary>The exchange completed.</summary>
    Ok = 0,

    /// <summary>No card answered before the chip's timer expired.</summary>
    NoCard = 1,

    /// <summary>Two or more cards answered at once; CollReg holds the first colliding bit.</summary>
    Collision = 2,

    /// <summary>A CRC_A check failed.</summary>
    CrcError = 3,

    /// <summary>A UID's block check character did not match its bytes.</summary>
    BccError = 4,

    /// <summary>The chip reported a parity, protocol or buffer error, or a frame had the wrong length.</summary>
    ProtocolError = 5,

    /// <summary>A card answered the wake-up and then stopped answering during anticollision or select.</summary>
    CardLost = 6,

    /// <summary>The chip itself did not finish a command in time (no module, or a bus fault).</summary>
    ChipTimeout = 7,
}
