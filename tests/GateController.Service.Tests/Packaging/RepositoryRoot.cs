namespace GateController.Service.Tests.Packaging;

/// <summary>Finds the repository's root: the nearest directory above the test assembly holding GateController.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GateController.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GateController.sln above {AppContext.BaseDirectory}");
    }
}
