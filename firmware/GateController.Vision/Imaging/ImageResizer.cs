using System.Buffers;
using System.Runtime.Intrinsics;

namespace GateController.Vision.Imaging;

/// <summary>
/// Bilinear resizing of RGB24, BGR24 and Grey8 images with pixel-centre alignment (the convention of
/// OpenCV's INTER_LINEAR). Separable fixed point: a scalar horizontal pass into 32-bit rows (11-bit weights),
/// then a SIMD vertical blend of two such rows.
/// </summary>
public static class ImageResizer
{
    private const int WeightBits = 11;
    private const int WeightOne = 1 << WeightBits;

    /// <summary>Returns a new pooled image of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static ImageBuffer Resize(ImageBuffer source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = ImageBuffer.Rent(width, height, source.Format);
        try
        {
            ResizeInto(source, target);
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>Resizes <paramref name="source"/> to fill <paramref name="target"/> (same format).</summary>
    public static void ResizeInto(ImageBuffer source, ImageBuffer target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var channels = source.Format.ChannelCount();
        if (channels == 0 || target.Format != source.Format)
        {
            throw new ArgumentException($"resizing needs RGB24, BGR24 or Grey8 in and the same format out, not {source.Format} to {target.Format}", nameof(target));
        }

        int dstWidth = target.Width, dstHeight = target.Height, rowLength = dstWidth * channels;
        var pool = ArrayPool<int>.Shared;
        var xOffsets = pool.Rent(dstWidth * 2);
        var xWeights = pool.Rent(dstWidth);
        var rowA = pool.Rent(rowLength);
        var rowB = pool.Rent(rowLength);
        try
        {
            var xScale = (double)source.Width / dstWidth;
            for (var x = 0; x < dstWidth; x++)
            {
                var (x0, x1, w) = Sample(((x + 0.5) * xScale) - 0.5, source.Width);
                xOffsets[2 * x] = x0 * channels;
                xOffsets[(2 * x) + 1] = x1 * channels;
                xWeights[x] = w;
            }

            var yScale = (double)source.Height / dstHeight;
            int loadedA = -1, loadedB = -1;
            var src = source.Pixels;
            for (var y = 0; y < dstHeight; y++)
            {
                var (y0, y1, wy) = Sample(((y + 0.5) * yScale) - 0.5, source.Height);
                if (loadedA != y0)
                {
                    if (loadedB == y0)
                    {
                        (rowA, rowB) = (rowB, rowA);
                        (loadedA, loadedB) = (loadedB, loadedA);
                    }
                    else
                    {
                        Horizontal(src.Slice(y0 * source.Stride, source.Stride), rowA, xOffsets, xWeights, dstWidth, channels);
                        loadedA = y0;
                    }
                }

                if (loadedB != y1)
                {
                    Horizontal(src.Slice(y1 * source.Stride, source.Stride), rowB, xOffsets, xWeights, dstWidth, channels);
                    loadedB = y1;
                }

                Vertical(rowA.AsSpan(0, rowLength), rowB.AsSpan(0, rowLength), wy, target.Row(y));
            }
        }
        finally
        {
            pool.Return(xOffsets);
            pool.Return(xWeights);
            pool.Return(rowA, clearArray: true);
            pool.Return(rowB, clearArray: true);
        }
    }

    private static (int Index0, int Index1, int Weight1) Sample(double position, int size)
    {
        if (position <= 0)
        {
            return (0, 0, 0);
        }

        var index = (int)position;
        if (index >= size - 1)
        {
            return (size - 1, size - 1, 0);
        }

        var weight = (int)Math.Round((position - index) * WeightOne);
        return (index, index + 1, weight);
    }

    private static void Horizontal(ReadOnlySpan<byte> row, int[] output, int[] offsets, int[] weights, int width, int channels)
    {
        if (channels == 3)
        {
            for (int x = 0, o = 0; x < width; x++, o += 3)
            {
                int a = offsets[2 * x], b = offsets[(2 * x) + 1], w1 = weights[x], w0 = WeightOne - w1;
                output[o] = (row[a] * w0) + (row[b] * w1);
                output[o + 1] = (row[a + 1] * w0) + (row[b + 1] * w1);
                output[o + 2] = (row[a + 2] * w0) + (row[b + 2] * w1);
            }
        }
        else
        {
            for (var x = 0; x < width; x++)
            {
                int w1 = weights[x];
                output[x] = (row[offsets[2 * x]] * (WeightOne - w1)) + (row[offsets[(2 * x) + 1]] * w1);
            }
        }
    }

    private static void Vertical(ReadOnlySpan<int> rowA, ReadOnlySpan<int> rowB, int weightB, Span<byte> output)
    {
        var weightA = WeightOne - weightB;
        const int Shift = 2 * WeightBits;
        const int Round = 1 << (Shift - 1);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var wa = Vector256.Create(weightA);
            var wb = Vector256.Create(weightB);
            var round = Vector256.Create(Round);
            for (; i + 32 <= output.Length; i += 32)
            {
                var v0 = Blend(rowA.Slice(i, 8), rowB.Slice(i, 8));
                var v1 = Blend(rowA.Slice(i + 8, 8), rowB.Slice(i + 8, 8));
                var v2 = Blend(rowA.Slice(i + 16, 8), rowB.Slice(i + 16, 8));
                var v3 = Blend(rowA.Slice(i + 24, 8), rowB.Slice(i + 24, 8));
                var s0 = Vector256.Narrow(v0, v1).AsUInt16();
                var s1 = Vector256.Narrow(v2, v3).AsUInt16();
                Vector256.Narrow(s0, s1).CopyTo(output.Slice(i, 32));
            }

            Vector256<int> Blend(ReadOnlySpan<int> a, ReadOnlySpan<int> b) =>
                Vector256.ShiftRightLogical((Vector256.Create(a) * wa) + (Vector256.Create(b) * wb) + round, Shift);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var wa = Vector128.Create(weightA);
            var wb = Vector128.Create(weightB);
            var round = Vector128.Create(Round);
            for (; i + 16 <= output.Length; i += 16)
            {
                var v0 = Blend(rowA.Slice(i, 4), rowB.Slice(i, 4));
                var v1 = Blend(rowA.Slice(i + 4, 4), rowB.Slice(i + 4, 4));
                var v2 = Blend(rowA.Slice(i + 8, 4), rowB.Slice(i + 8, 4));
                var v3 = Blend(rowA.Slice(i + 12, 4), rowB.Slice(i + 12, 4));
                var s0 = Vector128.Narrow(v0, v1).AsUInt16();
                var s1 = Vector128.Narrow(v2, v3).AsUInt16();
                Vector128.Narrow(s0, s1).CopyTo(output.Slice(i, 16));
            }

            Vector128<int> Blend(ReadOnlySpan<int> a, ReadOnlySpan<int> b) =>
                Vector128.ShiftRightLogical((Vector128.Create(a) * wa) + (Vector128.Create(b) * wb) + round, Shift);
        }

        for (; i < output.Length; i++)
        {
            output[i] = (byte)(((rowA[i] * weightA) + (rowB[i] * weightB) + Round) >> Shift);
        }
    }
}
