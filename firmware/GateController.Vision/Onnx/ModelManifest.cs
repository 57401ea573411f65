using System.Text.Json;

namespace GateController.Vision.Onnx;

/// <summary>The models listed in models/manifest.json: files, pinned sha256 digests, inputs and outputs.</summary>
public sealed class ModelManifest
{
    private ModelManifest(IReadOnlyList<ModelManifestEntry> models) => Models = models;

    /// <summary>The models, in manifest order.</summary>
    public IReadOnlyList<ModelManifestEntry> Models { get; }

    /// <summary>The model with the given name.</summary>
    public ModelManifestEntry this[string name] =>
        Models.FirstOrDefault(model => string.Equals(model.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The model manifest has no model named '{name}'");

    /// <summary>Reads a manifest file; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static ModelManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        try
        {
            using var document = JsonDocument.Parse(stream);
            var models = document.RootElement.GetProperty("models").EnumerateArray().Select(ReadModel).ToArray();
            return new ModelManifest(models);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Model manifest '{path}' is not valid: {exception.Message}", exception);
        }
    }

    private static ModelManifestEntry ReadModel(JsonElement model) => new(
        model.GetProperty("name").GetString()!,
        model.GetProperty("file").GetString()!,
        model.GetProperty("sha256").GetString()!,
        model.TryGetProperty("preparedSha256", out var prepared) ? prepared.GetString() : null,
        model.GetProperty("inputs").EnumerateArray().Select(ReadTensor).ToArray(),
        model.GetProperty("outputs").EnumerateArray().Select(ReadTensor).ToArray());

    private static OnnxTensorInfo ReadTensor(JsonElement tensor)
    {
        var elementType = tensor.GetProperty("elementType").GetString() switch
        {
            "float32" => OnnxElementType.Float32,
            "uint8" => OnnxElementType.UInt8,
            "int64" => OnnxElementType.Int64,
            var other => throw new FormatException($"unknown elementType '{other}'"),
        };
        return new OnnxTensorInfo(
            tensor.GetProperty("name").GetString()!,
            elementType,
            tensor.GetProperty("shape").EnumerateArray().Select(dimension => dimension.GetInt64()).ToArray());
    }
}
