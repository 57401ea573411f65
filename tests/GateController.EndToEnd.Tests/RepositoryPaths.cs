namespace GateController.EndToEnd.Tests;

/// <summary>Where the repository's artifacts are: models, photos and the native ONNX Runtime library fetched by bootstrap.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string ModelDirectory => Path.Combine(Root, "artifacts", "models");

    public static string ManifestPath => Path.Combine(Root, "models", "manifest.json");

    public static string OnnxRuntimeLibrary => Path.Combine(
        Root, "artifacts", "native", System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64", "libonnxruntime.so.1");

    /// <summary>sample1.jpg … sample6.jpg of models/fetch; fails clearly when bootstrap has not run.</summary>
    public static string Photo(int number)
    {
        var path = Path.Combine(Root, "artifacts", "photos", $"sample{number}.jpg");
        Assert.True(File.Exists(path), $"{path} is missing: run firmware/scripts/bootstrap");
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GateController.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"GateController.sln not found above {AppContext.BaseDirectory}");
    }
}
