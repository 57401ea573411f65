using System.Numerics;
using GateController.Vision.Imaging;

namespace GateController.Vision.Face;

/// <summary>
/// Least-squares similarity transform (uniform scale, rotation, translation; no reflection) between point sets —
/// Umeyama's method. In 2-D it has a closed form: with both sets centred, a = Σ(s·d)/Σ|s|² and
/// b = Σ(s×d)/Σ|s|², the map is x' = a·x − b·y + tx, y' = b·x + a·y + ty, which minimises Σ|d − T(s)|² over all
/// scale-rotations (the same optimum as Umeyama's SVD solution, whose reflection case cannot arise here).
/// </summary>
public static class SimilarityTransformEstimator
{
    /// <summary>Estimates the map from <paramref name="source"/> onto <paramref name="target"/>; false when the source points coincide.</summary>
    /// <exception cref="ArgumentException">The sets differ in size or hold fewer than two points.</exception>
    public static bool TryEstimate(ReadOnlySpan<Vector2> source, ReadOnlySpan<Vector2> target, out AffineTransform transform)
    {
        if (source.Length != target.Length || source.Length < 2)
        {
            throw new ArgumentException($"two equal point sets of at least 2 points are needed, not {source.Length} and {target.Length}", nameof(target));
        }

        double sx = 0, sy = 0, tx = 0, ty = 0;
        for (var i = 0; i < source.Length; i++)
        {
            sx += source[i].X;
            sy += source[i].Y;
            tx += target[i].X;
            ty += target[i].Y;
        }

        var n = source.Length;
        sx /= n;
        sy /= n;
        tx /= n;
        ty /= n;
        double dot = 0, cross = 0, norm = 0;
        for (var i = 0; i < n; i++)
        {
            double ax = source[i].X - sx, ay = source[i].Y - sy, bx = target[i].X - tx, by = target[i].Y - ty;
            dot += (ax * bx) + (ay * by);
            cross += (ax * by) - (ay * bx);
            norm += (ax * ax) + (ay * ay);
        }

        if (norm < 1e-12)
        {
            transform = default;
            return false;
        }

        var a = dot / norm;
        var b = cross / norm;
        transform = new AffineTransform(a, -b, tx - (a * sx) + (b * sy), b, a, ty - (b * sx) - (a * sy));
        return true;
    }

    /// <summary>Root-mean-square distance between the mapped source points and the target points.</summary>
    public static double RootMeanSquareError(ReadOnlySpan<Vector2> source, ReadOnlySpan<Vector2> target, AffineTransform transform)
    {
        var sum = 0.0;
        for (var i = 0; i < source.Length; i++)
        {
            sum += Vector2.DistanceSquared(transform.Apply(source[i]), target[i]);
        }

        return Math.Sqrt(sum / source.Length);
    }
}
