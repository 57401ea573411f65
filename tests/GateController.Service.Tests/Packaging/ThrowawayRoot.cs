namespace GateController.Service.Tests.Packaging;

/// <summary>
/// An empty dpkg root in a temporary directory. Packages are installed into it with <c>dpkg --root</c>; maintainer
/// scripts run chrootless (<c>--force-script-chrootless</c>, with $DPKG_ROOT set) against <see cref="Stubs"/>, so
/// nothing outside the root changes.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ThrowawayRoot : IDisposable
{
    private static readonly TimeSpan DpkgTimeout = TimeSpan.FromMinutes(2);
    private readonly string _work;

    public ThrowawayRoot(IReadOnlyList<string> existingGroups)
    {
        _work = System.IO.Directory.CreateTempSubdirectory("gc-dpkg-root-").FullName;
        Path = System.IO.Path.Combine(_work, "root");
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Path, "var/lib/dpkg/info"));
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Path, "var/lib/dpkg/updates"));
        File.WriteAllText(System.IO.Path.Combine(Path, "var/lib/dpkg/status"), string.Empty);
        Stubs = new MaintainerCommandStubs(System.IO.Path.Combine(_work, "stubs"), existingGroups);
    }

    public string Path { get; }

    public MaintainerCommandStubs Stubs { get; }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative.TrimStart('/'));

    /// <summary>Runs dpkg on this root with the given action, e.g. ["--install", deb] or ["--purge", name].</summary>
    public ProcessResult Dpkg(params string[] action) =>
        ChildProcess.Run(
            "dpkg",
            ["--root=" + Path, "--force-not-root", "--force-depends", "--force-script-chrootless", .. action],
            DpkgTimeout,
            new Dictionary<string, string> { ["PATH"] = Stubs.SearchPath });

    /// <summary>The package's entry in the root's dpkg status file.</summary>
    public string StatusEntry(string package)
    {
        var status = File.ReadAllText(Combine("var/lib/dpkg/status"));
        return status.Split("\n\n").FirstOrDefault(entry => entry.StartsWith($"Package: {package}\n", StringComparison.Ordinal)) ?? string.Empty;
    }

    public void Dispose() => System.IO.Directory.Delete(_work, recursive: true);
}
