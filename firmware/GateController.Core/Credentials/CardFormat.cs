namespace GateController.Core.Credentials;

/// <summary>How a card identifier was read; part of a card credential's identity.</summary>
public enum CardFormat
{
    /// <summary>26-bit Wiegand (H10301): 8-bit facility code, 16-bit card number.</summary>
    Wiegand26 = 0,

    /// <summary>34-bit Wiegand: 16-bit facility code, 16-bit card number.</summary>
    Wiegand34 = 1,

    /// <summary>37-bit Wiegand (H10304): 16-bit facility code, 19-bit card number.</summary>
    Wiegand37 = 2,

    /// <summary>ISO/IEC 14443-A UID (MIFARE), 4, 7 or 10 bytes, read by an MFRC522.</summary>
    Mifare = 3,

    /// <summary>125 kHz EM4100 card number, typically typed by a USB reader.</summary>
    Em4100 = 4,

    /// <summary>A Wiegand frame of another length, kept as raw bits under a configured format.</summary>
    RawWiegand = 5,
}
