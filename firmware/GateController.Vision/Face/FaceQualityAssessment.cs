namespace GateController.Vision.Face;

/// <summary>The quality measures of one face and every reason it was rejected (none when accepted).</summary>
/// <param name="Rejections">Why the face is not used; empty when it passes.</param>
/// <param name="FaceWidthPixels">Face box width in frame pixels.</param>
/// <param name="Pose">Estimated head pose.</param>
/// <param name="Sharpness">Variance of the Laplacian of the aligned grey face.</param>
/// <param name="Exposure">Brightness statistics of the aligned grey face.</param>
public sealed record FaceQualityAssessment(
    IReadOnlyList<FaceQualityRejection> Rejections, double FaceWidthPixels, HeadPose Pose, double Sharpness, ExposureMeasure Exposure)
{
    /// <summary>Whether the face may be used.</summary>
    public bool Accepted => Rejections.Count == 0;
}
