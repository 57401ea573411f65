using GateController.Core.Residents;

namespace GateController.Vision.Matching;

/// <summary>
/// The decision rules over a <see cref="TemplateIndex"/>: 1:N identification with a threshold and a margin
/// over the next resident, and 1:1 verification against a claimed resident. Results carry scores and, only
/// when identified, a resident id — nothing of the probe itself (P5).
/// </summary>
public sealed class FaceMatcher
{
    private readonly TemplateIndex _index;

    /// <summary>Creates a matcher over an index.</summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public FaceMatcher(TemplateIndex index, FaceMatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _index = index;
        Threshold = options.Threshold;
        Margin = options.Margin;
    }

    /// <summary>The acceptance threshold in use.</summary>
    public double Threshold { get; }

    /// <summary>The required lead over the next resident.</summary>
    public double Margin { get; }

    /// <summary>Identifies a probe among all residents (1:N).</summary>
    public IdentificationResult Identify(ReadOnlySpan<float> probe)
    {
        var nearest = _index.FindNearest(probe);
        if (nearest.Best is not { } best)
        {
            return new IdentificationResult(IdentificationOutcome.EmptyGallery, null, double.NaN, double.NaN);
        }

        var second = nearest.SecondBest?.Score ?? double.NaN;
        if (best.Score < Threshold)
        {
            return new IdentificationResult(IdentificationOutcome.NoMatch, null, best.Score, second);
        }

        if (nearest.SecondBest is { } other && best.Score - other.Score < Margin)
        {
            return new IdentificationResult(IdentificationOutcome.Ambiguous, null, best.Score, second);
        }

        return new IdentificationResult(IdentificationOutcome.Identified, best.Resident, best.Score, second);
    }

    /// <summary>Verifies a probe against the resident a card or PIN claims (1:1).</summary>
    public VerificationResult Verify(ResidentId claimed, ReadOnlySpan<float> probe)
    {
        var score = _index.ScoreResident(claimed, probe);
        return score is { } value
            ? new VerificationResult(value >= Threshold, value, HasTemplates: true)
            : new VerificationResult(false, double.NaN, HasTemplates: false);
    }
}
