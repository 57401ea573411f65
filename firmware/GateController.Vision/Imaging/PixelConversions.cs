using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GateController.Vision.Imaging;

/// <summary>Span-level pixel conversion kernels behind <see cref="ImageConverter"/>.</summary>
internal static class PixelConversions
{
    public static void SwapRedBlue(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (var i = 0; i + 2 < source.Length; i += 3)
        {
            var first = source[i];
            destination[i] = source[i + 2];
            destination[i + 1] = source[i + 1];
            destination[i + 2] = first;
        }
    }

    public static void RgbToGrey(ReadOnlySpan<byte> source, Span<byte> destination, bool redFirst)
    {
        int wr = redFirst ? 77 : 29, wb = redFirst ? 29 : 77;
        for (int i = 0, j = 0; j < destination.Length; i += 3, j++)
        {
            destination[j] = (byte)(((wr * source[i]) + (150 * source[i + 1]) + (wb * source[i + 2]) + 128) >> 8);
        }
    }

    public static void GreyToRgb(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int i = 0, j = 0; i < source.Length; i++, j += 3)
        {
            var v = source[i];
            destination[j] = v;
            destination[j + 1] = v;
            destination[j + 2] = v;
        }
    }

    /// <summary>Limited-range luma (16–235) to full-range grey, SIMD over 16 or 32 bytes at a time.</summary>
    public static void LumaToGrey(ReadOnlySpan<byte> source, Span<byte> destination, int step)
    {
        var i = 0;
        if (step == 1 && Vector128.IsHardwareAccelerated)
        {
            // grey = clamp((y - 16) * 298 + 128) >> 8, in 16-bit lanes: (y - 16) * 298 overflows short, so use
            // the exact identity (y - 16) * 298 = (y - 16) * 256 + (y - 16) * 42 in 32-bit lanes.
            var sixteen = Vector128.Create(16);
            var scale = Vector128.Create(298);
            var round = Vector128.Create(128);
            var zero = Vector128<int>.Zero;
            var max = Vector128.Create(255);
            for (; i + 16 <= destination.Length; i += 16)
            {
                var bytes = Vector128.Create(source.Slice(i, 16));
                var (lo, hi) = Vector128.Widen(bytes);
                var (a, b) = Vector128.Widen(lo);
                var (c, d) = Vector128.Widen(hi);
                var ra = Convert(a.AsInt32());
                var rb = Convert(b.AsInt32());
                var rc = Convert(c.AsInt32());
                var rd = Convert(d.AsInt32());
                var s0 = Vector128.Narrow(ra, rb);
                var s1 = Vector128.Narrow(rc, rd);
                Vector128.Narrow(s0.AsUInt16(), s1.AsUInt16()).CopyTo(destination.Slice(i, 16));
            }

            Vector128<int> Convert(Vector128<int> y) =>
                Vector128.Min(Vector128.Max(Vector128.ShiftRightArithmetic(((y - sixteen) * scale) + round, 8), zero), max);
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = LimitedToFull(source[i * step]);
        }
    }

    public static void YuyvToRgb(ReadOnlySpan<byte> source, Span<byte> destination, bool redFirst)
    {
        int first = redFirst ? 0 : 2, last = redFirst ? 2 : 0;
        var pairs = Math.Min(source.Length / 4, destination.Length / 6);
        source = source[..(pairs * 4)];
        destination = destination[..(pairs * 6)];
        for (int i = 0, j = 0; i < source.Length; i += 4, j += 6)
        {
            int u = source[i + 1] - 128, v = source[i + 3] - 128;
            int red = (409 * v) + 128, green = (-100 * u) - (208 * v) + 128, blue = (516 * u) + 128;
            var c0 = 298 * (source[i] - 16);
            var c1 = 298 * (source[i + 2] - 16);
            destination[j + first] = Clamp((c0 + red) >> 8);
            destination[j + 1] = Clamp((c0 + green) >> 8);
            destination[j + last] = Clamp((c0 + blue) >> 8);
            destination[j + 3 + first] = Clamp((c1 + red) >> 8);
            destination[j + 4] = Clamp((c1 + green) >> 8);
            destination[j + 3 + last] = Clamp((c1 + blue) >> 8);
        }
    }

    public static void Nv12ToRgb(ReadOnlySpan<byte> source, Span<byte> destination, int width, int height, bool redFirst)
    {
        var chroma = source[(width * height)..];
        for (var y = 0; y < height; y++)
        {
            var lumaRow = source.Slice(y * width, width);
            var chromaRow = chroma.Slice(y / 2 * width, width);
            var outRow = destination.Slice(y * width * 3, width * 3);
            for (var x = 0; x < width; x += 2)
            {
                int u = chromaRow[x] - 128, v = chromaRow[x + 1] - 128;
                YuvToRgb(lumaRow[x], u, v, outRow.Slice(x * 3, 3), redFirst);
                YuvToRgb(lumaRow[x + 1], u, v, outRow.Slice((x * 3) + 3, 3), redFirst);
            }
        }
    }

    public static void RgbToYuyv(ReadOnlySpan<byte> source, Span<byte> destination, bool redFirst)
    {
        for (int i = 0, j = 0; j + 3 < destination.Length; i += 6, j += 4)
        {
            var (r0, g0, b0) = Read(source, i, redFirst);
            var (r1, g1, b1) = Read(source, i + 3, redFirst);
            destination[j] = Luma(r0, g0, b0);
            destination[j + 2] = Luma(r1, g1, b1);
            int r = (r0 + r1 + 1) >> 1, g = (g0 + g1 + 1) >> 1, b = (b0 + b1 + 1) >> 1;
            destination[j + 1] = ChromaU(r, g, b);
            destination[j + 3] = ChromaV(r, g, b);
        }
    }

    public static void RgbToNv12(ReadOnlySpan<byte> source, Span<byte> destination, int width, int height, bool redFirst)
    {
        var rowBytes = width * 3;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = Read(source, (y * rowBytes) + (x * 3), redFirst);
                destination[(y * width) + x] = Luma(r, g, b);
            }
        }

        var chroma = destination[(width * height)..];
        for (var y = 0; y < height; y += 2)
        {
            for (var x = 0; x < width; x += 2)
            {
                int r = 0, g = 0, b = 0;
                for (var dy = 0; dy < 2; dy++)
                {
                    for (var dx = 0; dx < 2; dx++)
                    {
                        var (pr, pg, pb) = Read(source, ((y + dy) * rowBytes) + ((x + dx) * 3), redFirst);
                        r += pr;
                        g += pg;
                        b += pb;
                    }
                }

                r = (r + 2) >> 2;
                g = (g + 2) >> 2;
                b = (b + 2) >> 2;
                chroma[(y / 2 * width) + x] = ChromaU(r, g, b);
                chroma[(y / 2 * width) + x + 1] = ChromaV(r, g, b);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte LimitedToFull(int y) => Clamp((((y - 16) * 298) + 128) >> 8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte Luma(int r, int g, int b) => (byte)((((66 * r) + (129 * g) + (25 * b) + 128) >> 8) + 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte ChromaU(int r, int g, int b) => (byte)((((-38 * r) - (74 * g) + (112 * b) + 128) >> 8) + 128);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte ChromaV(int r, int g, int b) => (byte)((((112 * r) - (94 * g) - (18 * b) + 128) >> 8) + 128);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void YuvToRgb(int y, int u, int v, Span<byte> pixel, bool redFirst)
    {
        var c = 298 * (y - 16);
        var r = Clamp((c + (409 * v) + 128) >> 8);
        var g = Clamp((c - (100 * u) - (208 * v) + 128) >> 8);
        var b = Clamp((c + (516 * u) + 128) >> 8);
        pixel[0] = redFirst ? r : b;
        pixel[1] = g;
        pixel[2] = redFirst ? b : r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int R, int G, int B) Read(ReadOnlySpan<byte> source, int offset, bool redFirst) => redFirst
        ? (source[offset], source[offset + 1], source[offset + 2])
        : (source[offset + 2], source[offset + 1], source[offset]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Clamp(int value) => (uint)value <= 255 ? (byte)value : value < 0 ? (byte)0 : (byte)255;
}
