namespace GateController.Hardware.Readers.Hid;

/// <summary>What feeding one input event to <see cref="KeyboardWedgeDecoder"/> produced.</summary>
public enum KeyboardWedgeOutcome
{
    /// <summary>Nothing complete yet.</summary>
    None = 0,

    /// <summary>A card number ended by Enter; its bytes are in the decoder's result.</summary>
    Card = 1,

    /// <summary>A sequence was refused; the reason is in the decoder's result.</summary>
    Rejected = 2,
}
