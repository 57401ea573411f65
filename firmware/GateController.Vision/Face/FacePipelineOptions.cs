using System.Globalization;

namespace GateController.Vision.Face;

/// <summary>Settings of the <see cref="FacePipeline"/>.</summary>
public sealed class FacePipelineOptions
{
    /// <summary>Lowest fr_detect face score kept, 0–1.</summary>
    public float DetectionScoreThreshold { get; set; } = 0.7f;

    /// <summary>IoU above which the lower-scoring of two detections is dropped, 0–1.</summary>
    public float DetectionOverlapThreshold { get; set; } = 0.3f;

    /// <summary>Most faces accepted in one frame; the largest is processed. More is <see cref="FaceFrameOutcome.TooManyFaces"/>.</summary>
    public int MaximumFaceCount { get; set; } = 1;

    /// <summary>Lowest fr_liveness real-face probability accepted when liveness is required, 0–1.</summary>
    public double LivenessThreshold { get; set; } = 0.5;

    /// <summary>What <see cref="FacePipeline.TryProcess(GateController.Vision.Imaging.ImageBuffer, out FaceFrameResult)"/> does with liveness.</summary>
    public LivenessRequirement Liveness { get; set; } = LivenessRequirement.Required;

    /// <summary>ONNX Runtime intra-op threads per model.</summary>
    public int IntraOpThreadCount { get; set; } = 2;

    /// <summary>The quality gate's thresholds.</summary>
    public FaceQualityOptions Quality { get; set; } = new();

    /// <summary>Returns every problem with these settings, one message per setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(DetectionScoreThreshold > 0 && DetectionScoreThreshold < 1))
        {
            problems.Add($"{nameof(DetectionScoreThreshold)} must be above 0 and below 1, not {DetectionScoreThreshold.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!(DetectionOverlapThreshold > 0 && DetectionOverlapThreshold <= 1))
        {
            problems.Add($"{nameof(DetectionOverlapThreshold)} must be above 0 and at most 1, not {DetectionOverlapThreshold.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MaximumFaceCount is < 1 or > 64)
        {
            problems.Add($"{nameof(MaximumFaceCount)} must be 1–64, not {MaximumFaceCount.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!(LivenessThreshold >= 0 && LivenessThreshold <= 1))
        {
            problems.Add($"{nameof(LivenessThreshold)} must be 0–1, not {LivenessThreshold.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!Enum.IsDefined(Liveness))
        {
            problems.Add($"{nameof(Liveness)} {(int)Liveness} is not a defined requirement");
        }

        if (IntraOpThreadCount is < 1 or > 64)
        {
            problems.Add($"{nameof(IntraOpThreadCount)} must be 1–64, not {IntraOpThreadCount.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Quality is null)
        {
            problems.Add($"{nameof(Quality)} must be set");
        }
        else
        {
            problems.AddRange(Quality.Validate().Select(problem => $"{nameof(Quality)}.{problem}"));
        }

        return problems;
    }
}
