namespace GateController.Vision.Onnx;

/// <summary>One model of models/manifest.json.</summary>
public sealed class ModelManifestEntry
{
    /// <summary>Creates the entry.</summary>
    public ModelManifestEntry(
        string name, string file, string sha256, string? preparedSha256,
        IReadOnlyList<OnnxTensorInfo> inputs, IReadOnlyList<OnnxTensorInfo> outputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        Name = name;
        File = file;
        Sha256 = sha256;
        PreparedSha256 = preparedSha256;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The model's name, e.g. fr_feature.</summary>
    public string Name { get; }

    /// <summary>The file name under artifacts/models/.</summary>
    public string File { get; }

    /// <summary>The sha256 of the file as published in its package.</summary>
    public string Sha256 { get; }

    /// <summary>The sha256 after models/fetch prepared it, when it does; null otherwise.</summary>
    public string? PreparedSha256 { get; }

    /// <summary>The sha256 of the installed file under artifacts/models/ (prepared if prepared).</summary>
    public string InstalledSha256 => PreparedSha256 ?? Sha256;

    /// <summary>The inputs with their element types and shapes.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    /// <summary>The outputs with their element types and shapes.</summary>
    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }
}
