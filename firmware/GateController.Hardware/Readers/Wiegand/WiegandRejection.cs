namespace GateController.Hardware.Readers.Wiegand;

/// <summary>Why a Wiegand frame was refused; never turned into a card.</summary>
public enum WiegandRejection
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>A bit count that is neither a known format, a key burst nor a configured raw length.</summary>
    Length = 1,

    /// <summary>A parity bit does not match its half of the frame.</summary>
    Parity = 2,

    /// <summary>An 8-bit key burst whose high nibble is not the complement of its low nibble.</summary>
    Complement = 3,

    /// <summary>A key burst carrying a code that is no key (12–15).</summary>
    KeyCode = 4,

    /// <summary>Edges were lost because they came faster than they could be stored.</summary>
    Overrun = 5,
}
