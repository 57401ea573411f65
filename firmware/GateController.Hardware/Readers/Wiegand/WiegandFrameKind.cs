namespace GateController.Hardware.Readers.Wiegand;

/// <summary>What a decoded Wiegand frame carried.</summary>
public enum WiegandFrameKind
{
    /// <summary>A card number.</summary>
    Card = 0,

    /// <summary>One key of a Wiegand keypad (4-bit or 8-bit burst).</summary>
    Key = 1,
}
