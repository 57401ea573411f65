using GateController.Vision.Imaging;

namespace GateController.Vision.Face;

/// <summary>Decides whether a detected face is good enough to embed: size, pose, sharpness, exposure.</summary>
public sealed class FaceQualityGate
{
    private readonly FaceQualityOptions _options;

    /// <summary>Creates a gate.</summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public FaceQualityGate(FaceQualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options;
    }

    /// <summary>Assesses a face from its box and landmarks in the frame and its aligned 112×112 crop (any RGB, BGR or grey).</summary>
    public FaceQualityAssessment Assess(FaceBox box, FivePointLandmarks landmarks, ImageBuffer alignedFace)
    {
        ArgumentNullException.ThrowIfNull(alignedFace);
        var rejections = new List<FaceQualityRejection>();
        if (box.Width < _options.MinimumFaceWidthPixels)
        {
            rejections.Add(FaceQualityRejection.TooSmall);
        }

        var pose = HeadPoseEstimator.Estimate(landmarks);
        if (double.IsNaN(pose.YawDegrees) || double.IsNaN(pose.PitchDegrees))
        {
            rejections.Add(FaceQualityRejection.BadLandmarks);
        }
        else
        {
            if (Math.Abs(pose.YawDegrees) > _options.MaximumYawDegrees)
            {
                rejections.Add(FaceQualityRejection.TurnedAway);
            }

            if (Math.Abs(pose.PitchDegrees) > _options.MaximumPitchDegrees)
            {
                rejections.Add(FaceQualityRejection.TiltedUpOrDown);
            }
        }

        using var grey = alignedFace.Format == ImagePixelFormat.Grey8 ? alignedFace.Clone() : ImageConverter.Convert(alignedFace, ImagePixelFormat.Grey8);
        var sharpness = ImageStatistics.VarianceOfLaplacian(grey);
        var exposure = ImageStatistics.MeasureExposure(grey);
        if (sharpness < _options.MinimumSharpness)
        {
            rejections.Add(FaceQualityRejection.Blurred);
        }

        if (exposure.MeanLevel < _options.MinimumMeanLevel)
        {
            rejections.Add(FaceQualityRejection.TooDark);
        }

        if (exposure.MeanLevel > _options.MaximumMeanLevel || exposure.BrightFraction > _options.MaximumBrightFraction)
        {
            rejections.Add(FaceQualityRejection.TooBright);
        }

        return new FaceQualityAssessment(rejections, box.Width, pose, sharpness, exposure);
    }
}
