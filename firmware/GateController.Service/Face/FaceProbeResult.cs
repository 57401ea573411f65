using GateController.Core.Residents;

namespace GateController.Service.Face;

/// <summary>The outcome of one gate frame: no image, no embedding, no score; a resident only when matched.</summary>
/// <param name="Outcome">What was concluded.</param>
/// <param name="Resident">The matched resident, set only when <see cref="Outcome"/> is <see cref="FaceProbeOutcome.Matched"/>.</param>
public readonly record struct FaceProbeResult(FaceProbeOutcome Outcome, ResidentId? Resident)
{
    /// <summary>Whether a consenting resident matched.</summary>
    public bool IsMatch => Outcome == FaceProbeOutcome.Matched;
}
