using GateController.Core.Residents;

namespace GateController.Vision.Matching;

/// <summary>The outcome of a 1:N identification. Only <see cref="Identified"/> names a resident.</summary>
/// <param name="Outcome">What was concluded.</param>
/// <param name="Resident">The identified resident, set only when <see cref="Outcome"/> is Identified.</param>
/// <param name="BestScore">The best cosine similarity found (NaN for an empty gallery).</param>
/// <param name="SecondBestScore">The best similarity of any other resident (NaN when there is none).</param>
public readonly record struct IdentificationResult(
    IdentificationOutcome Outcome, ResidentId? Resident, double BestScore, double SecondBestScore)
{
    /// <summary>Whether a resident was identified.</summary>
    public bool Identified => Outcome == IdentificationOutcome.Identified;
}
