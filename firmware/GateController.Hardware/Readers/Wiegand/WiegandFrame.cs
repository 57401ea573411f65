using System.Numerics;
using GateController.Core.Credentials;

namespace GateController.Hardware.Readers.Wiegand;

/// <summary>
/// Pure decoder of one Wiegand frame. <c>bits</c> holds the frame with the first received bit as the most
/// significant of <c>bitCount</c> bits. Known formats: H10301 26-bit, 34-bit, H10304 37-bit (each with a leading
/// even and a trailing odd parity bit), 4-bit and 8-bit (complemented) keypad bursts, and configured raw lengths.
/// </summary>
public static class WiegandFrame
{
    /// <summary>The longest frame handled.</summary>
    public const int MaximumBitCount = 64;

    /// <summary>Decodes with the default options.</summary>
    public static bool TryDecode(ulong bits, int bitCount, out WiegandDecoded result, out WiegandRejection rejection) =>
        TryDecode(bits, bitCount, WiegandDecoderOptions.Default, out result, out rejection);

    /// <summary>Decodes a frame, or says why it is refused.</summary>
    public static bool TryDecode(ulong bits, int bitCount, WiegandDecoderOptions options, out WiegandDecoded result, out WiegandRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(options);
        result = default;
        if (bitCount is < 1 or > MaximumBitCount)
        {
            rejection = WiegandRejection.Length;
            return false;
        }

        bits &= Mask(bitCount);
        rejection = bitCount switch
        {
            26 => Card(bits, 26, CardFormat.Wiegand26, evenEnd: 12, oddStart: 13, facilityBits: 8, out result),
            34 => Card(bits, 34, CardFormat.Wiegand34, evenEnd: 16, oddStart: 17, facilityBits: 16, out result),
            37 => Card(bits, 37, CardFormat.Wiegand37, evenEnd: 18, oddStart: 18, facilityBits: 16, out result),
            4 when options.AcceptKeypadBursts => Key(bits, 4, (int)bits, out result),
            8 when options.AcceptKeypadBursts => (bits >> 4) == (~bits & 0xF)
                ? Key(bits, 8, (int)(bits & 0xF), out result)
                : WiegandRejection.Complement,
            _ when options.RawFrameBitCounts.Contains(bitCount) => Raw(bits, bitCount, out result),
            _ => WiegandRejection.Length,
        };
        return rejection == WiegandRejection.None;
    }

    /// <summary>The lower-case reason used in <see cref="Core.Readers.FrameRejected.Reason"/>.</summary>
    public static string ReasonText(WiegandRejection rejection) => rejection.ToString().ToLowerInvariant();

    /// <summary>Ones among frame bits <paramref name="first"/>..<paramref name="last"/> (0 = first received).</summary>
    internal static int Ones(ulong bits, int bitCount, int first, int last)
    {
        var width = last - first + 1;
        var shifted = bits >> (bitCount - 1 - last);
        return BitOperations.PopCount(shifted & Mask(width));
    }

    private static ulong Mask(int width) => width >= 64 ? ulong.MaxValue : (1UL << width) - 1;

    private static WiegandRejection Card(ulong bits, int bitCount, CardFormat format, int evenEnd, int oddStart, int facilityBits, out WiegandDecoded result)
    {
        result = default;
        var evenOk = Ones(bits, bitCount, 0, evenEnd) % 2 == 0;
        var oddOk = Ones(bits, bitCount, oddStart, bitCount - 1) % 2 == 1;
        if (!evenOk || !oddOk)
        {
            return WiegandRejection.Parity;
        }

        var dataBitCount = bitCount - 2;
        var data = (bits >> 1) & Mask(dataBitCount);
        var cardBits = dataBitCount - facilityBits;
        result = new WiegandDecoded(
            WiegandFrameKind.Card,
            bitCount,
            format,
            (long)(data >> cardBits),
            (long)(data & Mask(cardBits)),
            data,
            dataBitCount,
            '\0');
        return WiegandRejection.None;
    }

    private static WiegandRejection Key(ulong bits, int bitCount, int code, out WiegandDecoded result)
    {
        result = default;
        var key = code switch
        {
            <= 9 => (char)('0' + code),
            10 => '*',
            11 => '#',
            _ => '\0',
        };
        if (key == '\0')
        {
            return WiegandRejection.KeyCode;
        }

        result = new WiegandDecoded(WiegandFrameKind.Key, bitCount, default, 0, code, bits, bitCount, key);
        return WiegandRejection.None;
    }

    private static WiegandRejection Raw(ulong bits, int bitCount, out WiegandDecoded result)
    {
        result = new WiegandDecoded(WiegandFrameKind.Card, bitCount, CardFormat.RawWiegand, 0, (long)bits, bits, bitCount, '\0');
        return WiegandRejection.None;
    }
}
