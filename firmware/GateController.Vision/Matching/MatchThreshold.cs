namespace GateController.Vision.Matching;

/// <summary>
/// Derives the acceptance threshold from a target false-accept rate and the gallery size.
/// <para>
/// A 1:N search compares the probe of a stranger with each of the N templates, and a false accept happens if any
/// comparison reaches the threshold. By the union bound, P(false accept) ≤ N · FAR₁, so holding the system rate
/// at the target needs a per-comparison rate FAR₁ = target / N. With impostor scores modelled as normal
/// (mean μ, deviation σ), the threshold is μ + σ·Φ⁻¹(1 − FAR₁); it is never set below the highest impostor score
/// observed in calibration, because the normal model can understate a heavy tail.
/// </para>
/// </summary>
public static class MatchThreshold
{
    /// <summary>The per-comparison false-accept rate that keeps a gallery of <paramref name="galleryTemplates"/> at the target.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not in (0, 1) or the gallery is empty.</exception>
    public static double PerComparisonFalseAcceptRate(double targetFalseAcceptRate, int galleryTemplates)
    {
        if (!(targetFalseAcceptRate > 0 && targetFalseAcceptRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetFalseAcceptRate), targetFalseAcceptRate, "the target false-accept rate must be between 0 and 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(galleryTemplates, 1);
        return targetFalseAcceptRate / galleryTemplates;
    }

    /// <summary>The threshold for a target system false-accept rate over a gallery of <paramref name="galleryTemplates"/>.</summary>
    public static double ForFalseAcceptRate(ImpostorScoreModel impostors, double targetFalseAcceptRate, int galleryTemplates)
    {
        ArgumentNullException.ThrowIfNull(impostors);
        var perComparison = PerComparisonFalseAcceptRate(targetFalseAcceptRate, galleryTemplates);
        var modelled = impostors.Mean + (impostors.StandardDeviation * InverseStandardNormal(1 - perComparison));
        return Math.Min(Math.Max(modelled, impostors.MaximumObserved + 1e-6), 1);
    }

    /// <summary>Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error below 1.2·10⁻⁹).</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in (0, 1).</exception>
    public static double InverseStandardNormal(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be between 0 and 1");
        }

        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double Low = 0.02425;
        if (probability < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(probability));
            return Polynomial(c, q) / ((Polynomial(d, q) * q) + 1);
        }

        if (probability > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - probability));
            return -Polynomial(c, q) / ((Polynomial(d, q) * q) + 1);
        }

        var x = probability - 0.5;
        var r = x * x;
        return Polynomial(a, r) * x / ((Polynomial(b, r) * r) + 1);
    }

    private static double Polynomial(ReadOnlySpan<double> coefficients, double x)
    {
        var value = 0.0;
        foreach (var coefficient in coefficients)
        {
            value = (value * x) + coefficient;
        }

        return value;
    }
}
