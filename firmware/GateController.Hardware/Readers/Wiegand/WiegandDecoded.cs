using GateController.Core.Credentials;

namespace GateController.Hardware.Readers.Wiegand;

/// <summary>A good Wiegand frame: a card (facility code and card number) or a key. Never log the card fields.</summary>
/// <param name="Kind">Card or key.</param>
/// <param name="BitCount">The frame's length in bits, parity included.</param>
/// <param name="CardFormat">The card format; meaningful for cards.</param>
/// <param name="FacilityCode">The facility (site) code; zero for raw frames and keys.</param>
/// <param name="CardNumber">The card number; for raw frames all bits of the frame.</param>
/// <param name="DataBits">The data bits without parity, facility code then card number, right-aligned.</param>
/// <param name="DataBitCount">How many bits <paramref name="DataBits"/> holds.</param>
/// <param name="Key">The key ('0'–'9', '*', '#') for a key burst; '\0' for a card.</param>
public readonly record struct WiegandDecoded(
    WiegandFrameKind Kind,
    int BitCount,
    CardFormat CardFormat,
    long FacilityCode,
    long CardNumber,
    ulong DataBits,
    int DataBitCount,
    char Key)
{
    /// <summary>The data bits packed big-endian into whole bytes, as <see cref="Core.Readers.CredentialPresented.CardUid"/> expects.</summary>
    public byte[] CardUid()
    {
        var bytes = new byte[(DataBitCount + 7) / 8];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[bytes.Length - 1 - i] = (byte)(DataBits >> (8 * i));
        }

        return bytes;
    }
}
