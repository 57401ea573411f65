using GateController.Vision.Onnx;

namespace GateController.Vision.Tests.Onnx;

/// <summary>The repository's models and one ONNX Runtime shared by the tests of this assembly.</summary>
internal static class OnnxTestEnvironment
{
    private static readonly Lazy<OnnxRuntime> SharedRuntime = new(() => OnnxRuntime.Create(new OnnxRuntimeOptions()));
    private static readonly Lazy<ModelManifest> SharedManifest = new(() => ModelManifest.Load(RepositoryLayout.ManifestPath));

    public static string RepositoryRoot => RepositoryLayout.Root;

    public static OnnxRuntime Runtime => SharedRuntime.Value;

    public static ModelManifest Manifest => SharedManifest.Value;

    public static IEnumerable<string> ModelNames => ["fr_detect", "fr_landmark", "fr_feature", "fr_liveness", "fr_eye"];

    /// <summary>The installed (prepared where prepared) model file; fails clearly when models/fetch has not run.</summary>
    public static string ModelPath(string name)
    {
        var path = Path.Combine(RepositoryRoot, "artifacts", "models", Manifest[name].File);
        Assert.True(File.Exists(path), $"{path} is missing: run models/fetch (firmware/scripts/bootstrap runs it)");
        return path;
    }

    /// <summary>The unprepared original of a prepared model.</summary>
    public static string OriginalModelPath(string name)
    {
        var path = Path.Combine(RepositoryRoot, "artifacts", "models", "original", Manifest[name].File);
        Assert.True(File.Exists(path), $"{path} is missing: run models/fetch (firmware/scripts/bootstrap runs it)");
        return path;
    }

    public static OnnxSession OpenVerified(string name, int intraOpThreadCount = 1) =>
        Runtime.OpenSession(
            ModelPath(name),
            new OnnxSessionOptions { IntraOpThreadCount = intraOpThreadCount, ExpectedSha256 = Manifest[name].InstalledSha256 });
}
