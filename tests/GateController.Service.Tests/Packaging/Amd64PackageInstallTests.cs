using System.Security.Cryptography;
using System.Text.Json;

namespace GateController.Service.Tests.Packaging;

/// <summary>The amd64 package installed with dpkg --root into a throwaway root, its maintainer scripts run chrootless.</summary>
[Collection(DebianPackagesDefinition.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class Amd64PackageInstallTests(DebianPackagesFixture packages)
{
    private const UnixFileMode Mode0755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Mode0640 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private const UnixFileMode Mode0750 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    private ThrowawayRoot Root => packages.InstalledRoot;

    [Fact]
    public void Install_Amd64Package_DpkgSucceedsAndRecordsItInstalled()
    {
        Assert.Equal(0, packages.InstallResult.ExitCode);
        var entry = Root.StatusEntry("gatecontroller");
        Assert.Contains("Status: install ok installed", entry, StringComparison.Ordinal);
        Assert.Contains($"Version: {DebianPackagesFixture.Version}", entry, StringComparison.Ordinal);
        Assert.Contains("Architecture: amd64", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_Control_DependsOnMosquittoAndTurboJpeg()
    {
        var depends = Root.StatusEntry("gatecontroller").Split('\n').Single(line => line.StartsWith("Depends: ", StringComparison.Ordinal));

        Assert.Contains("libmosquitto1", depends, StringComparison.Ordinal);
        Assert.Contains("libturbojpeg0", depends, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("usr/lib/gatecontroller/gatecontrollerd")]
    [InlineData("usr/lib/gatecontroller/createdump")]
    public void Install_Programs_AreMode0755X86_64(string relative)
    {
        var path = Root.Combine(relative);

        Assert.Equal(Mode0755, File.GetUnixFileMode(path));
        Assert.Equal(ElfHeader.MachineX86_64, ElfHeader.ReadFile(path).Machine);
    }

    [Fact]
    public void Install_OnnxRuntime_IsTheX64LibraryMode0644()
    {
        var path = Root.Combine("usr/lib/gatecontroller/libonnxruntime.so.1");

        Assert.Equal(Mode0644, File.GetUnixFileMode(path));
        Assert.Equal(ElfHeader.MachineX86_64, ElfHeader.ReadFile(path).Machine);
        Assert.Equal(
            File.ReadAllBytes(RepositoryLayout.Combine("artifacts", "native", "linux-x64", "libonnxruntime.so.1")),
            File.ReadAllBytes(path));
    }

    [Fact]
    public void Install_GatectlLink_PresentExactlyWhenTheCliProjectExists()
    {
        var cliExists = File.Exists(RepositoryLayout.Combine("firmware", "GateController.Cli", "GateController.Cli.csproj"));
        var link = new FileInfo(Root.Combine("usr/bin/gatectl"));

        Assert.Equal(cliExists, link.LinkTarget is not null);
        Assert.Equal(cliExists, File.Exists(Root.Combine("usr/lib/gatecontroller/gatectl")));
        if (cliExists)
        {
            Assert.Equal("../lib/gatecontroller/gatectl", link.LinkTarget);
            Assert.Equal(Mode0755, File.GetUnixFileMode(Root.Combine("usr/lib/gatecontroller/gatectl")));
        }
    }

    [Fact]
    public void Install_Models_EachMatchesItsManifestSha256Mode0644()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.Combine("models", "manifest.json")));
        var models = manifest.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(5, models.Count);
        foreach (var model in models)
        {
            var path = Root.Combine("usr/lib/gatecontroller/models/" + model.GetProperty("file").GetString());
            var expected = model.TryGetProperty("preparedSha256", out var prepared) ? prepared.GetString() : model.GetProperty("sha256").GetString();

            Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            Assert.Equal(Mode0644, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Install_UnitFile_IsTheRepositoryUnitMode0644()
    {
        var path = Root.Combine("lib/systemd/system/gatecontroller.service");

        Assert.Equal(Mode0644, File.GetUnixFileMode(path));
        Assert.Equal(File.ReadAllText(RepositoryLayout.Combine("firmware", "packaging", "gatecontroller.service")), File.ReadAllText(path));
        var unit = UnitFile.Parse(File.ReadAllText(path));
        Assert.Equal("notify", unit.Single("Service", "Type"));
        Assert.Equal("10", unit.Single("Service", "WatchdogSec"));
        Assert.Equal("/usr/lib/gatecontroller/gatecontrollerd --config /etc/gatecontroller/gatecontroller.json", unit.Single("Service", "ExecStart"));
        Assert.True(File.Exists(Root.Combine(unit.Single("Service", "ExecStart")!.Split(' ')[0])));
    }

    [Fact]
    public void Install_Configuration_IsAConffileMode0640()
    {
        var path = Root.Combine("etc/gatecontroller/gatecontroller.json");

        Assert.Equal(Mode0640, File.GetUnixFileMode(path));
        Assert.Equal(File.ReadAllText(RepositoryLayout.Combine("firmware", "packaging", "gatecontroller.json")), File.ReadAllText(path));
        Assert.Contains("\n /etc/gatecontroller/gatecontroller.json ", Root.StatusEntry("gatecontroller"), StringComparison.Ordinal);
    }

    [Fact]
    public void Install_NoDeviceKeyOrDataShipped()
    {
        var shipped = File.ReadAllLines(Root.Combine("var/lib/dpkg/info/gatecontroller.list"));

        Assert.DoesNotContain(shipped, path => path.StartsWith("/var/lib/gatecontroller", StringComparison.Ordinal));
        Assert.DoesNotContain(shipped, path => path.EndsWith(".key", StringComparison.Ordinal) || path.EndsWith(".pem", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Root.Combine("var/lib/gatecontroller")));
    }

    [Fact]
    public void Postinst_Configure_CreatesTheSystemUserAndGroup()
    {
        var calls = Root.Stubs.Calls;

        Assert.Contains("addgroup --system --quiet gatecontroller", calls);
        Assert.Contains(calls, call => call.StartsWith("adduser --system --quiet --ingroup gatecontroller --home /var/lib/gatecontroller --no-create-home --shell /usr/sbin/nologin", StringComparison.Ordinal)
            && call.EndsWith(" gatecontroller", StringComparison.Ordinal));
    }

    [Fact]
    public void Postinst_Configure_AddsTheUserToTheFourDeviceGroups()
    {
        var memberships = Root.Stubs.Calls.Where(call => call.StartsWith("usermod ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["gpio", "spi", "input", "video"], memberships.Select(call => call.Split(' ')[3]));
        Assert.All(memberships, call => Assert.EndsWith(" gatecontroller", call, StringComparison.Ordinal));
    }

    [Fact]
    public void Postinst_Configure_CreatesOnlyTheDeviceGroupsThisSystemLacks()
    {
        var created = Root.Stubs.Calls.Where(call => call.StartsWith("addgroup ", StringComparison.Ordinal)).ToList();

        // The stubbed getent knows gpio and video; spi and input are missing, as on a PC.
        Assert.Equal(["addgroup --system --quiet gatecontroller", "addgroup --system --quiet spi", "addgroup --system --quiet input"], created);
    }

    [Fact]
    public void Postinst_Configure_CreatesConfigurationAndDataDirectoriesMode0750WithOwners()
    {
        Assert.Equal(Mode0750, File.GetUnixFileMode(Root.Combine("etc/gatecontroller")));
        Assert.Equal(Mode0750, File.GetUnixFileMode(Root.Combine("var/lib/gatecontroller")));
        var calls = Root.Stubs.Calls;
        Assert.Contains($"chown root:gatecontroller {Root.Combine("etc/gatecontroller")}", calls);
        Assert.Contains($"chown root:gatecontroller {Root.Combine("etc/gatecontroller/gatecontroller.json")}", calls);
        Assert.Contains($"chown gatecontroller:gatecontroller {Root.Combine("var/lib/gatecontroller")}", calls);
    }

    [Fact]
    public void Postinst_Configure_EnablesTheUnitWithDebSystemdHelperAndStartsNothingOutsideTheRoot()
    {
        var calls = Root.Stubs.Calls;

        Assert.Contains("deb-systemd-helper enable gatecontroller.service", calls);
        Assert.DoesNotContain(calls, call => call.StartsWith("systemctl", StringComparison.Ordinal) || call.StartsWith("deb-systemd-invoke", StringComparison.Ordinal));
    }
}
