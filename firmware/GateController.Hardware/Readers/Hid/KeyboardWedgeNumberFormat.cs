namespace GateController.Hardware.Readers.Hid;

/// <summary>How a USB keyboard-wedge reader types the card number.</summary>
public enum KeyboardWedgeNumberFormat
{
    /// <summary>Decimal digits, often zero-padded to 10 (EM4100 readers); read as a number, so leading zeros do not matter.</summary>
    DecimalDigits = 0,

    /// <summary>Hexadecimal digits 0–9, A–F; read as bytes, most significant first.</summary>
    HexadecimalDigits = 1,
}
