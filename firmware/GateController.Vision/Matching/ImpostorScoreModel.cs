namespace GateController.Vision.Matching;

/// <summary>
/// The distribution of similarity scores between different people's faces, measured on a calibration set
/// (for example every impostor pair of the accuracy test), summarised as a normal tail plus the highest score seen.
/// </summary>
/// <param name="Mean">Mean impostor score.</param>
/// <param name="StandardDeviation">Standard deviation of impostor scores.</param>
/// <param name="MaximumObserved">The highest impostor score in the calibration set.</param>
/// <param name="SampleCount">How many impostor pairs were measured.</param>
public sealed record ImpostorScoreModel(double Mean, double StandardDeviation, double MaximumObserved, int SampleCount)
{
    /// <summary>Summarises measured impostor scores.</summary>
    /// <exception cref="ArgumentException">Fewer than two scores, or a score that is not finite.</exception>
    public static ImpostorScoreModel FromScores(ReadOnlySpan<double> scores)
    {
        if (scores.Length < 2)
        {
            throw new ArgumentException("at least two impostor scores are needed", nameof(scores));
        }

        double sum = 0, max = double.NegativeInfinity;
        foreach (var score in scores)
        {
            if (!double.IsFinite(score))
            {
                throw new ArgumentException("impostor scores must be finite", nameof(scores));
            }

            sum += score;
            max = Math.Max(max, score);
        }

        var mean = sum / scores.Length;
        var squares = 0.0;
        foreach (var score in scores)
        {
            squares += (score - mean) * (score - mean);
        }

        return new ImpostorScoreModel(mean, Math.Sqrt(squares / (scores.Length - 1)), max, scores.Length);
    }
}
