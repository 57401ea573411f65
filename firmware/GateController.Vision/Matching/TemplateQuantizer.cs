namespace GateController.Vision.Matching;

/// <summary>
/// The stored form of a template: each of the 512 components of the L2-normalised embedding as a 14-bit signed
/// integer q = round(t / s · 8191) with s the template's largest |component|, split into a coarse plane (the high
/// 8 bits, q &gt;&gt; 6, an int8 per component, 512 bytes, scanned with SIMD) and a fine plane (the low 6 bits,
/// four components per 3 bytes, 384 bytes, read only when a template is rescored). 900 bytes in all.
/// </summary>
internal static class TemplateQuantizer
{
    /// <summary>Components of an embedding.</summary>
    public const int Length = 512;

    /// <summary>Bytes of the coarse plane of one template.</summary>
    public const int CoarseBytes = Length;

    /// <summary>Bytes of the fine plane of one template.</summary>
    public const int FineBytes = Length * 6 / 8;

    /// <summary>The largest magnitude of q.</summary>
    public const int Levels = 8191;

    /// <summary>Quantises a normalised embedding; returns the scale s.</summary>
    public static float Quantize(ReadOnlySpan<double> normalised, Span<sbyte> coarse, Span<byte> fine)
    {
        var max = 0.0;
        foreach (var value in normalised)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        var scale = (float)max;
        Span<int> low = stackalloc int[4];
        for (var i = 0; i < Length; i += 4)
        {
            for (var k = 0; k < 4; k++)
            {
                var q = scale == 0 ? 0 : (int)Math.Round(normalised[i + k] / scale * Levels, MidpointRounding.ToEven);
                q = Math.Clamp(q, -Levels, Levels);
                coarse[i + k] = (sbyte)(q >> 6);
                low[k] = q & 63;
            }

            var f = fine.Slice(i / 4 * 3, 3);
            f[0] = (byte)(low[0] | (low[1] << 6));
            f[1] = (byte)((low[1] >> 2) | (low[2] << 4));
            f[2] = (byte)((low[2] >> 4) | (low[3] << 2));
        }

        return scale;
    }

    /// <summary>The 14-bit integer of component <paramref name="index"/>.</summary>
    public static int Level(ReadOnlySpan<sbyte> coarse, ReadOnlySpan<byte> fine, int index)
    {
        var f = fine.Slice(index / 4 * 3, 3);
        var low = (index % 4) switch
        {
            0 => f[0] & 63,
            1 => (f[0] >> 6) | ((f[1] & 15) << 2),
            2 => (f[1] >> 4) | ((f[2] & 3) << 4),
            _ => f[2] >> 2,
        };
        return (coarse[index] * 64) + low;
    }

    /// <summary>The exact dot product of a probe with the stored template.</summary>
    public static double Score(ReadOnlySpan<double> probe, ReadOnlySpan<sbyte> coarse, ReadOnlySpan<byte> fine, float scale)
    {
        var sum = 0.0;
        for (var i = 0; i < Length; i += 4)
        {
            var f = fine.Slice(i / 4 * 3, 3);
            sum += probe[i] * ((coarse[i] * 64) + (f[0] & 63));
            sum += probe[i + 1] * ((coarse[i + 1] * 64) + ((f[0] >> 6) | ((f[1] & 15) << 2)));
            sum += probe[i + 2] * ((coarse[i + 2] * 64) + ((f[1] >> 4) | ((f[2] & 3) << 4)));
            sum += probe[i + 3] * ((coarse[i + 3] * 64) + (f[2] >> 2));
        }

        return sum * scale / Levels;
    }

    /// <summary>Normalises an embedding to unit length in double precision; false when it is not finite or zero.</summary>
    public static bool TryNormalise(ReadOnlySpan<float> embedding, Span<double> normalised)
    {
        var sum = 0.0;
        foreach (var value in embedding)
        {
            if (!float.IsFinite(value))
            {
                return false;
            }

            sum += (double)value * value;
        }

        if (sum <= 0)
        {
            return false;
        }

        var inverse = 1 / Math.Sqrt(sum);
        for (var i = 0; i < embedding.Length; i++)
        {
            normalised[i] = embedding[i] * inverse;
        }

        return true;
    }
}
