using System.Runtime.InteropServices;

namespace GateController.TestSupport;

/// <summary>
/// Where the repository is (the nearest directory above the test assembly holding GateController.sln) and where
/// bootstrap put its artifacts: the models, the demo photos and the native ONNX Runtime library. Shared by the test
/// projects and the benchmarks (linked, not referenced).
/// </summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository's root directory.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The face models fetched by models/fetch.</summary>
    public static string ModelDirectory => Path.Combine(Root, "artifacts", "models");

    /// <summary>The models' manifest.</summary>
    public static string ManifestPath => Path.Combine(Root, "models", "manifest.json");

    /// <summary>libonnxruntime.so.1 for this machine's architecture, as bootstrap unpacked it.</summary>
    public static string OnnxRuntimeLibrary => Path.Combine(
        Root, "artifacts", "native", RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64", "libonnxruntime.so.1");

    /// <summary>A path below the root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>sample1.jpg … sample6.jpg of @vladmandic/face-api, fetched by models/fetch; fails clearly when it has not run.</summary>
    /// <exception cref="FileNotFoundException">The photo is missing.</exception>
    public static string Photo(int number)
    {
        var path = Path.Combine(Root, "artifacts", "photos", $"sample{number}.jpg");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: run models/fetch (firmware/scripts/bootstrap runs it)", path);
        }

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
