using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GateController.Vision.Matching;

/// <summary>
/// Dot products of a 512-component int16 probe (values within ±127) with int8 coarse template planes.
/// AVX2: sign-extending loads and vpmaddwd; elsewhere (NEON on the Pi) portable Vector128 widening
/// multiplies. Products are at most 127·128, so 16-bit products and 32-bit sums cannot overflow.
/// </summary>
internal static class Int8DotProduct
{
    /// <summary>Whether the AVX2 kernel is used.</summary>
    public static bool UsesAvx2 => Avx2.IsSupported;

    /// <summary>Σ probe[i]·template[i] over 512 components with the fastest kernel here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<short> probe, ReadOnlySpan<sbyte> template) =>
        Avx2.IsSupported ? DotAvx2(probe, template) : DotVector128(probe, template);

    /// <summary>Dot products of the probe with consecutive 512-byte templates, one per element of <paramref name="results"/>.</summary>
    public static unsafe void DotMany(ReadOnlySpan<short> probe, ReadOnlySpan<sbyte> templates, Span<int> results)
    {
        if (probe.Length < 512 || templates.Length < results.Length * 512)
        {
            throw new ArgumentException("512 components per template are needed");
        }

        if (!Avx2.IsSupported)
        {
            for (var k = 0; k < results.Length; k++)
            {
                results[k] = DotVector128(probe, templates.Slice(k * 512, 512));
            }

            return;
        }

        fixed (short* p = probe)
        fixed (sbyte* t = templates)
        {
            for (var k = 0; k < results.Length; k++)
            {
                results[k] = DotAvx2(p, t + (k * 512));
            }
        }
    }

    /// <summary>The AVX2 kernel.</summary>
    public static unsafe int DotAvx2(ReadOnlySpan<short> probe, ReadOnlySpan<sbyte> template)
    {
        if (probe.Length < 512 || template.Length < 512)
        {
            throw new ArgumentException("512 components are needed");
        }

        fixed (short* p = probe)
        fixed (sbyte* t = template)
        {
            return DotAvx2(p, t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int DotAvx2(short* p, sbyte* t)
    {
        var acc0 = Vector256<int>.Zero;
        var acc1 = Vector256<int>.Zero;
        for (var i = 0; i < 512; i += 32)
        {
            var t0 = Avx2.ConvertToVector256Int16(t + i);
            var t1 = Avx2.ConvertToVector256Int16(t + i + 16);
            acc0 = Avx2.Add(acc0, Avx2.MultiplyAddAdjacent(t0, Avx.LoadVector256(p + i)));
            acc1 = Avx2.Add(acc1, Avx2.MultiplyAddAdjacent(t1, Avx.LoadVector256(p + i + 16)));
        }

        return Vector256.Sum(acc0 + acc1);
    }

    /// <summary>The portable kernel.</summary>
    public static int DotVector128(ReadOnlySpan<short> probe, ReadOnlySpan<sbyte> template)
    {
        if (probe.Length < 512 || template.Length < 512)
        {
            throw new ArgumentException("512 components are needed");
        }

        ref var p = ref MemoryMarshal.GetReference(probe);
        ref var t = ref MemoryMarshal.GetReference(template);
        var acc = Vector128<int>.Zero;
        for (nuint i = 0; i < 512; i += 16)
        {
            var bytes = Vector128.LoadUnsafe(ref t, i);
            var (t0, t1) = Vector128.Widen(bytes);
            var m0 = t0 * Vector128.LoadUnsafe(ref p, i);
            var m1 = t1 * Vector128.LoadUnsafe(ref p, i + 8);
            var (a, b) = Vector128.Widen(m0);
            var (c, d) = Vector128.Widen(m1);
            acc += (a + b) + (c + d);
        }

        return Vector128.Sum(acc);
    }
}
