using System.Numerics;
using GateController.Core.Credentials;

namespace GateController.Service.Simulation;

/// <summary>Encodes a card identifier as the Wiegand frame a reader would send (26-bit H10301 or 34-bit).</summary>
public static class WiegandFrameEncoder
{
    /// <summary>The frame bits (first bit sent = most significant) and bit count for <paramref name="uid"/>.</summary>
    /// <exception cref="ArgumentException">The format is not a Wiegand card format or the identifier has the wrong length.</exception>
    public static (ulong Bits, int BitCount) Encode(CardFormat format, ReadOnlySpan<byte> uid)
    {
        var (bitCount, evenEnd, oddStart) = format switch
        {
            CardFormat.Wiegand26 => (26, 12, 13),
            CardFormat.Wiegand34 => (34, 16, 17),
            _ => throw new ArgumentException($"{format} cards are not sent over Wiegand by the simulated reader; use wiegand26 or wiegand34", nameof(format)),
        };
        var dataBits = bitCount - 2;
        if (uid.Length * 8 != dataBits)
        {
            throw new ArgumentException($"a {format} card has a {dataBits / 8}-byte identifier, not {uid.Length}", nameof(uid));
        }

        ulong data = 0;
        foreach (var b in uid)
        {
            data = (data << 8) | b;
        }

        var frame = data << 1;
        // Frame bit i (0 = first sent) sits at position bitCount-1-i.
        var evenOnes = BitOperations.PopCount(frame >> (bitCount - 1 - evenEnd));
        var oddMask = (1UL << (bitCount - oddStart)) - 1;
        var oddOnes = BitOperations.PopCount(frame & oddMask);
        var even = (ulong)(evenOnes & 1);
        var odd = (ulong)(1 - (oddOnes & 1));
        return ((even << (bitCount - 1)) | frame | odd, bitCount);
    }
}
