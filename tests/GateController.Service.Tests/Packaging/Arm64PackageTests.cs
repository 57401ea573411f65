namespace GateController.Service.Tests.Packaging;

/// <summary>The arm64 package, checked by its listing (dpkg-deb -c), its control fields and its ELF headers.</summary>
[Collection(DebianPackagesDefinition.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class Arm64PackageTests(DebianPackagesFixture packages)
{
    private static readonly TimeSpan DpkgDebTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void Control_Architecture_IsArm64()
    {
        var fields = ChildProcess.Run("dpkg-deb", ["--field", packages.Arm64Package, "Package", "Version", "Architecture"], DpkgDebTimeout)
            .EnsureSuccess("dpkg-deb --field").StandardOutput;

        Assert.Contains("Package: gatecontroller\n", fields, StringComparison.Ordinal);
        Assert.Contains($"Version: {DebianPackagesFixture.Version}\n", fields, StringComparison.Ordinal);
        Assert.Contains("Architecture: arm64\n", fields, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-rwxr-xr-x root/root", "./usr/lib/gatecontroller/gatecontrollerd")]
    [InlineData("-rw-r--r-- root/root", "./usr/lib/gatecontroller/libonnxruntime.so.1")]
    [InlineData("-rw-r--r-- root/root", "./usr/lib/gatecontroller/models/fr_feature.onnx")]
    [InlineData("-rw-r--r-- root/root", "./lib/systemd/system/gatecontroller.service")]
    [InlineData("-rw-r----- root/root", "./etc/gatecontroller/gatecontroller.json")]
    public void Contents_Listing_HasFileWithModeAndOwner(string modeAndOwner, string path)
    {
        var listing = ChildProcess.Run("dpkg-deb", ["--contents", packages.Arm64Package], DpkgDebTimeout)
            .EnsureSuccess("dpkg-deb --contents").StandardOutput.Split('\n');

        Assert.Contains(listing, line => line.StartsWith(modeAndOwner, StringComparison.Ordinal) && line.EndsWith(" " + path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("usr/lib/gatecontroller/gatecontrollerd")]
    [InlineData("usr/lib/gatecontroller/libonnxruntime.so.1")]
    [InlineData("usr/lib/gatecontroller/libcoreclr.so")]
    [InlineData("usr/lib/gatecontroller/libSystem.Native.so")]
    public void ElfHeader_NativeFiles_AreAArch64(string relative)
    {
        var header = ElfHeader.ReadFile(Path.Combine(packages.Arm64Extracted, relative));

        Assert.Equal(ElfHeader.MachineAArch64, header.Machine);
        Assert.Equal(ElfHeader.Class64, header.Class);
        Assert.Equal(ElfHeader.LittleEndian, header.DataEncoding);
    }

    [Fact]
    public void OnnxRuntime_IsTheArm64LibraryFromBootstrap()
    {
        Assert.Equal(
            File.ReadAllBytes(RepositoryLayout.Combine("artifacts", "native", "linux-arm64", "libonnxruntime.so.1")),
            File.ReadAllBytes(Path.Combine(packages.Arm64Extracted, "usr/lib/gatecontroller/libonnxruntime.so.1")));
    }

    [Fact]
    public void Packages_BothArchitectures_ShipTheSameNonNativeFiles()
    {
        static HashSet<string> Paths(string deb) => ChildProcess.Run("dpkg-deb", ["--contents", deb], DpkgDebTimeout)
            .EnsureSuccess("dpkg-deb --contents").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf(" ./", StringComparison.Ordinal) + 1)..])
            .Where(path => !path.EndsWith(".so", StringComparison.Ordinal) && !path.EndsWith(".dll", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        var amd64 = Paths(packages.Amd64Package);
        var arm64 = Paths(packages.Arm64Package);

        Assert.Empty(amd64.Except(arm64));
        Assert.Empty(arm64.Except(amd64));
    }
}
