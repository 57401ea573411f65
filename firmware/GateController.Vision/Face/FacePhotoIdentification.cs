using GateController.Core.Residents;
using GateController.Vision.Matching;

namespace GateController.Vision.Face;

/// <summary>
/// The result of identifying the largest face of a photo against the gallery (a technician's test). Names a
/// resident only when identified; holds no pixels and no embedding.
/// </summary>
/// <param name="Outcome">What the pipeline concluded about the face.</param>
/// <param name="FaceCount">How many faces the photo shows.</param>
/// <param name="Match">The 1:N decision, when an embedding was made.</param>
/// <param name="LivenessScore">fr_liveness's real-face probability (measured, not enforced), when scored.</param>
/// <param name="Quality">The quality assessment of the face, when assessed.</param>
/// <param name="Problem">Why no match was attempted, in words, or null.</param>
public sealed record FacePhotoIdentification(
    FaceFrameOutcome Outcome, int FaceCount, IdentificationResult? Match, double? LivenessScore, FaceQualityAssessment? Quality, string? Problem)
{
    /// <summary>The identified resident, if any.</summary>
    public ResidentId? Resident => Match?.Resident;

    /// <summary>The best similarity score found, if a search ran.</summary>
    public double? Score => Match?.BestScore;
}
