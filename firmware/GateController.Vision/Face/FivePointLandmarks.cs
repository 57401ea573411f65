using System.Numerics;

namespace GateController.Vision.Face;

/// <summary>
/// The five points ArcFace alignment uses, in image coordinates, in its order: the eye on the image's left, the
/// eye on the image's right, the nose tip, the mouth corner on the image's left, the one on the right.
/// </summary>
/// <param name="LeftEye">Centre of the eye on the image's left (the subject's right eye).</param>
/// <param name="RightEye">Centre of the eye on the image's right.</param>
/// <param name="Nose">Nose tip.</param>
/// <param name="LeftMouth">Mouth corner on the image's left.</param>
/// <param name="RightMouth">Mouth corner on the image's right.</param>
public readonly record struct FivePointLandmarks(Vector2 LeftEye, Vector2 RightEye, Vector2 Nose, Vector2 LeftMouth, Vector2 RightMouth)
{
    /// <summary>Points from the 68-point (iBUG 300-W) layout: eye centres are the means of points 36–41 and 42–47,
    /// the nose tip is point 30, the mouth corners are points 48 and 54.</summary>
    /// <exception cref="ArgumentException">Not exactly 68 points.</exception>
    public static FivePointLandmarks FromSixtyEight(ReadOnlySpan<Vector2> points)
    {
        if (points.Length != 68)
        {
            throw new ArgumentException($"68 landmarks are needed, not {points.Length}", nameof(points));
        }

        return new FivePointLandmarks(Mean(points.Slice(36, 6)), Mean(points.Slice(42, 6)), points[30], points[48], points[54]);
    }

    /// <summary>The points in ArcFace order.</summary>
    public Vector2[] ToArray() => [LeftEye, RightEye, Nose, LeftMouth, RightMouth];

    /// <summary>These points moved by an affine map.</summary>
    public FivePointLandmarks Transform(Imaging.AffineTransform transform) => new(
        transform.Apply(LeftEye), transform.Apply(RightEye), transform.Apply(Nose), transform.Apply(LeftMouth), transform.Apply(RightMouth));

    private static Vector2 Mean(ReadOnlySpan<Vector2> points)
    {
        var sum = Vector2.Zero;
        foreach (var point in points)
        {
            sum += point;
        }

        return sum / points.Length;
    }
}
