namespace GateController.Service.Face;

/// <summary>Settings of the optional on-device face component (section <c>Face</c>).</summary>
public sealed class FaceRecognitionOptions
{
    /// <summary>Where gatecontrollerd looks for the models by default.</summary>
    public const string DefaultModelDirectory = "/usr/lib/gatecontroller/models";

    /// <summary>Whether to load the face models at start; without them card and PIN work as always.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The directory holding fr_detect.onnx, fr_landmark.onnx, fr_feature.onnx and fr_liveness.onnx.</summary>
    public string ModelDirectory { get; set; } = DefaultModelDirectory;

    /// <summary>The model manifest (sha256 of each model); <c>manifest.json</c> in <see cref="ModelDirectory"/> when not set.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>libonnxruntime.so.1's path; the standard search when not set.</summary>
    public string? OnnxRuntimeLibraryPath { get; set; }

    /// <summary>ONNX Runtime intra-op threads per model.</summary>
    public int IntraOpThreadCount { get; set; } = 2;

    /// <summary>The manifest's path in use.</summary>
    public string EffectiveManifestPath => ManifestPath ?? Path.Combine(ModelDirectory, "manifest.json");

    /// <summary>Every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ModelDirectory))
        {
            problems.Add($"Face:{nameof(ModelDirectory)} must name a directory");
        }

        if (ManifestPath is not null && string.IsNullOrWhiteSpace(ManifestPath))
        {
            problems.Add($"Face:{nameof(ManifestPath)} must name a file when set");
        }

        if (IntraOpThreadCount is < 1 or > 16)
        {
            problems.Add($"Face:{nameof(IntraOpThreadCount)} must be 1–16, not {IntraOpThreadCount}");
        }

        return problems;
    }
}
