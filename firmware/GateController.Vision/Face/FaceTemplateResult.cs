namespace GateController.Vision.Face;

/// <summary>
/// Why <see cref="FaceEnrollmentService.TryCreateTemplate(string, System.Span{float}, out FaceTemplateResult)"/> did or did
/// not produce a template. Holds no pixels and no embedding.
/// </summary>
/// <param name="Outcome">What was concluded; <see cref="FaceFrameOutcome.Embedded"/> when the template was written.</param>
/// <param name="FaceCount">How many faces the photo shows.</param>
/// <param name="Quality">The quality assessment of the single face, when it was assessed.</param>
/// <param name="Problem">The reason in words for an operator, or null on success.</param>
public sealed record FaceTemplateResult(FaceFrameOutcome Outcome, int FaceCount, FaceQualityAssessment? Quality, string? Problem)
{
    /// <summary>Whether a template was written.</summary>
    public bool Created => Outcome == FaceFrameOutcome.Embedded;
}
