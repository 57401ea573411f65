using System.Numerics;

namespace GateController.Hardware.Tests.Wiegand;

/// <summary>An encoder written independently of the decoder, for test frames.</summary>
internal static class WiegandEncoding
{
    /// <summary>A frame with a leading even parity over <paramref name="evenCount"/> data bits and a trailing odd parity over the last <paramref name="oddCount"/>.</summary>
    public static ulong Encode(ulong data, int dataBits, int evenCount, int oddCount)
    {
        var evenHalf = data >> (dataBits - evenCount);
        var oddHalf = data & ((1UL << oddCount) - 1);
        var even = (ulong)(BitOperations.PopCount(evenHalf) % 2);
        var odd = (ulong)(1 - (BitOperations.PopCount(oddHalf) % 2));
        return (even << (dataBits + 1)) | (data << 1) | odd;
    }

    public static ulong H10301(int facility, int card) => Encode(((ulong)facility << 16) | (uint)card, 24, 12, 12);

    public static ulong Wiegand34(int facility, int card) => Encode(((ulong)facility << 16) | (uint)card, 32, 16, 16);

    public static ulong H10304(int facility, int card) => Encode(((ulong)facility << 19) | (uint)card, 35, 18, 18);

    /// <summary>The frame as a string of '0'/'1', first bit first.</summary>
    public static string ToBitString(ulong bits, int bitCount) =>
        new([.. Enumerable.Range(0, bitCount).Select(i => ((bits >> (bitCount - 1 - i)) & 1) == 1 ? '1' : '0')]);
}
