namespace GateController.Vision.Face;

/// <summary>A detected face's box in pixels (or normalised units) with the detector's score.</summary>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Bottom">Bottom edge.</param>
/// <param name="Score">Detector confidence, 0–1.</param>
public readonly record struct FaceBox(float Left, float Top, float Right, float Bottom, float Score)
{
    /// <summary>Width (0 for an inverted box).</summary>
    public float Width => Math.Max(0, Right - Left);

    /// <summary>Height (0 for an inverted box).</summary>
    public float Height => Math.Max(0, Bottom - Top);

    /// <summary>Area.</summary>
    public float Area => Width * Height;

    /// <summary>Intersection over union with another box, 0–1.</summary>
    public float IntersectionOverUnion(FaceBox other)
    {
        var width = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var height = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = width * height;
        return intersection / (Area + other.Area - intersection);
    }
}
