using System.Numerics;

namespace GateController.Vision.Imaging;

/// <summary>
/// A 2-D affine map in pixel coordinates (integer coordinates are pixel centres):
/// x' = M11·x + M12·y + M13, y' = M21·x + M22·y + M23.
/// </summary>
public readonly record struct AffineTransform(double M11, double M12, double M13, double M21, double M22, double M23)
{
    /// <summary>The map that changes nothing.</summary>
    public static AffineTransform Identity { get; } = new(1, 0, 0, 0, 1, 0);

    /// <summary>The determinant of the linear part; 0 for a map that cannot be inverted.</summary>
    public double Determinant => (M11 * M22) - (M12 * M21);

    /// <summary>The uniform scale of a similarity transform (sqrt of |determinant|).</summary>
    public double Scale => Math.Sqrt(Math.Abs(Determinant));

    /// <summary>A translation.</summary>
    public static AffineTransform CreateTranslation(double x, double y) => new(1, 0, x, 0, 1, y);

    /// <summary>Scale by <paramref name="scale"/> and rotate by <paramref name="angleRadians"/> (counter-clockwise in
    /// x-right/y-up terms, clockwise on screen) about <paramref name="centre"/>.</summary>
    public static AffineTransform CreateSimilarity(double scale, double angleRadians, Vector2 centre)
    {
        var a = scale * Math.Cos(angleRadians);
        var b = scale * Math.Sin(angleRadians);
        return new AffineTransform(a, -b, centre.X - (a * centre.X) + (b * centre.Y), b, a, centre.Y - (b * centre.X) - (a * centre.Y));
    }

    /// <summary>Applies the map to a point.</summary>
    public Vector2 Apply(Vector2 point) => new(
        (float)((M11 * point.X) + (M12 * point.Y) + M13),
        (float)((M21 * point.X) + (M22 * point.Y) + M23));

    /// <summary>This map followed by <paramref name="next"/>.</summary>
    public AffineTransform Then(AffineTransform next) => new(
        (next.M11 * M11) + (next.M12 * M21),
        (next.M11 * M12) + (next.M12 * M22),
        (next.M11 * M13) + (next.M12 * M23) + next.M13,
        (next.M21 * M11) + (next.M22 * M21),
        (next.M21 * M12) + (next.M22 * M22),
        (next.M21 * M13) + (next.M22 * M23) + next.M23);

    /// <summary>The inverse map, or false when the map is singular.</summary>
    public bool TryInvert(out AffineTransform inverse)
    {
        var determinant = Determinant;
        if (Math.Abs(determinant) < 1e-12 || !double.IsFinite(determinant))
        {
            inverse = default;
            return false;
        }

        var i11 = M22 / determinant;
        var i12 = -M12 / determinant;
        var i21 = -M21 / determinant;
        var i22 = M11 / determinant;
        inverse = new AffineTransform(i11, i12, -((i11 * M13) + (i12 * M23)), i21, i22, -((i21 * M13) + (i22 * M23)));
        return true;
    }
}
