using System.Numerics;
using GateController.Vision.Imaging;

namespace GateController.Vision.Face;

/// <summary>Aligns a face to the 112×112 ArcFace template by a five-point similarity transform.</summary>
public static class ArcFaceAlignment
{
    /// <summary>Width and height of an aligned face.</summary>
    public const int Size = 112;

    /// <summary>The ArcFace reference positions of the five points in the 112×112 crop.</summary>
    public static FivePointLandmarks Reference { get; } = new(
        new Vector2(38.2946f, 51.6963f),
        new Vector2(73.5318f, 51.5014f),
        new Vector2(56.0252f, 71.7366f),
        new Vector2(41.5493f, 92.3655f),
        new Vector2(70.7299f, 92.2041f));

    /// <summary>The map from image coordinates to the aligned crop; false for degenerate landmarks.</summary>
    public static bool TryEstimateTransform(FivePointLandmarks landmarks, out AffineTransform imageToAligned) =>
        SimilarityTransformEstimator.TryEstimate(landmarks.ToArray(), Reference.ToArray(), out imageToAligned);

    /// <summary>A new pooled 112×112 aligned crop of the face (same format as the image, border black).</summary>
    /// <exception cref="ArgumentException">The landmarks are degenerate.</exception>
    public static ImageBuffer Align(ImageBuffer image, FivePointLandmarks landmarks)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!TryEstimateTransform(landmarks, out var transform))
        {
            throw new ArgumentException("the landmarks coincide; no alignment exists", nameof(landmarks));
        }

        return AffineWarper.Warp(image, transform, Size, Size);
    }
}
