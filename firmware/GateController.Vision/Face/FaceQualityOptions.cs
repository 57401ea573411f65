namespace GateController.Vision.Face;

/// <summary>Thresholds of the <see cref="FaceQualityGate"/>.</summary>
public sealed class FaceQualityOptions
{
    /// <summary>Smallest accepted face box width in frame pixels.</summary>
    public double MinimumFaceWidthPixels { get; set; } = 64;

    /// <summary>Largest accepted |yaw| in degrees.</summary>
    public double MaximumYawDegrees { get; set; } = 30;

    /// <summary>Largest accepted |pitch| in degrees.</summary>
    public double MaximumPitchDegrees { get; set; } = 25;

    /// <summary>Smallest accepted variance of the Laplacian of the aligned 112×112 grey face.</summary>
    public double MinimumSharpness { get; set; } = 20;

    /// <summary>Lowest accepted mean grey level of the aligned face.</summary>
    public double MinimumMeanLevel { get; set; } = 50;

    /// <summary>Highest accepted mean grey level of the aligned face.</summary>
    public double MaximumMeanLevel { get; set; } = 215;

    /// <summary>Largest accepted fraction of clipped (≥ 240) pixels.</summary>
    public double MaximumBrightFraction { get; set; } = 0.25;

    /// <summary>Returns every problem with these settings, one message per setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Check(MinimumFaceWidthPixels >= 1 && MinimumFaceWidthPixels <= 4096, nameof(MinimumFaceWidthPixels), MinimumFaceWidthPixels, "1–4096");
        Check(MaximumYawDegrees > 0 && MaximumYawDegrees <= 90, nameof(MaximumYawDegrees), MaximumYawDegrees, "above 0 and at most 90");
        Check(MaximumPitchDegrees > 0 && MaximumPitchDegrees <= 90, nameof(MaximumPitchDegrees), MaximumPitchDegrees, "above 0 and at most 90");
        Check(MinimumSharpness >= 0 && double.IsFinite(MinimumSharpness), nameof(MinimumSharpness), MinimumSharpness, "0 or more");
        Check(MinimumMeanLevel >= 0 && MinimumMeanLevel < 255, nameof(MinimumMeanLevel), MinimumMeanLevel, "0–254");
        Check(MaximumMeanLevel > MinimumMeanLevel && MaximumMeanLevel <= 255, nameof(MaximumMeanLevel), MaximumMeanLevel, $"above {nameof(MinimumMeanLevel)} and at most 255");
        Check(MaximumBrightFraction >= 0 && MaximumBrightFraction <= 1, nameof(MaximumBrightFraction), MaximumBrightFraction, "0–1");
        return problems;

        void Check(bool valid, string name, double value, string range)
        {
            if (!valid)
            {
                problems.Add($"{name} must be {range}, not {value}");
            }
        }
    }
}
