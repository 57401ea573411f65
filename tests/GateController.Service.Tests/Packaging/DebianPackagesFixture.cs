namespace GateController.Service.Tests.Packaging;

/// <summary>
/// Builds both packages once for every packaging test (firmware/packaging/build-deb --arch all), installs the amd64
/// one into a throwaway root with dpkg, and extracts the arm64 one's programs for their ELF headers.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DebianPackagesFixture : IDisposable
{
    /// <summary>The version the packages are built with.</summary>
    public const string Version = "9.8.7~test1";

    /// <summary>The groups the stubbed getent reports present; spi and input are absent.</summary>
    public static readonly IReadOnlyList<string> ExistingDeviceGroups = ["gpio", "video"];

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private readonly string _work;
    private readonly ThrowawayRoot _root;

    public DebianPackagesFixture()
    {
        _work = Directory.CreateTempSubdirectory("gc-deb-").FullName;
        OutputDirectory = Path.Combine(_work, "out");
        BuildResult = ChildProcess.Run(
                RepositoryLayout.Combine("firmware", "packaging", "build-deb"),
                ["--arch", "all", "--version", Version, "--output", OutputDirectory, "--compression", "gzip"],
                BuildTimeout,
                workingDirectory: _work)
            .EnsureSuccess("build-deb");
        Amd64Package = Path.Combine(OutputDirectory, $"gatecontroller_{Version}_amd64.deb");
        Arm64Package = Path.Combine(OutputDirectory, $"gatecontroller_{Version}_arm64.deb");

        _root = new ThrowawayRoot(ExistingDeviceGroups);
        InstallResult = _root.Dpkg("--install", Amd64Package);

        Arm64Extracted = Path.Combine(_work, "arm64");
        Directory.CreateDirectory(Arm64Extracted);
        ChildProcess.Run("dpkg-deb", ["--extract", Arm64Package, Arm64Extracted], TimeSpan.FromMinutes(2)).EnsureSuccess("dpkg-deb --extract");
    }

    /// <summary>Where build-deb wrote the packages.</summary>
    public string OutputDirectory { get; }

    /// <summary>build-deb's exit status and output.</summary>
    internal ProcessResult BuildResult { get; }

    /// <summary>gatecontroller_&lt;version&gt;_amd64.deb.</summary>
    public string Amd64Package { get; }

    /// <summary>gatecontroller_&lt;version&gt;_arm64.deb.</summary>
    public string Arm64Package { get; }

    /// <summary>The root the amd64 package is installed in.</summary>
    internal ThrowawayRoot InstalledRoot => _root;

    /// <summary>dpkg --install's exit status and output.</summary>
    internal ProcessResult InstallResult { get; }

    /// <summary>The arm64 package's files, unpacked with dpkg-deb --extract.</summary>
    public string Arm64Extracted { get; }

    public void Dispose()
    {
        _root.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
