namespace GateController.Service.Tests.Packaging;

/// <summary>Removing and purging the amd64 package in its own throwaway root.</summary>
[Collection(DebianPackagesDefinition.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PackageRemovalTests(DebianPackagesFixture packages)
{
    [Fact]
    public void Remove_Installed_KeepsConfigurationAndDataAndMasksTheUnit()
    {
        using var root = new ThrowawayRoot(DebianPackagesFixture.ExistingDeviceGroups);
        root.Dpkg("--install", packages.Amd64Package).EnsureSuccess("dpkg --install");
        File.WriteAllText(root.Combine("var/lib/gatecontroller/gate.db"), "store");

        root.Dpkg("--remove", "gatecontroller").EnsureSuccess("dpkg --remove");

        Assert.False(File.Exists(root.Combine("usr/lib/gatecontroller/gatecontrollerd")));
        Assert.False(File.Exists(root.Combine("lib/systemd/system/gatecontroller.service")));
        Assert.True(File.Exists(root.Combine("etc/gatecontroller/gatecontroller.json")));
        Assert.True(File.Exists(root.Combine("var/lib/gatecontroller/gate.db")));
        Assert.Contains("deb-systemd-helper mask gatecontroller.service", root.Stubs.Calls);
    }

    [Fact]
    public void Purge_Installed_DeletesConfigurationAndTheDataDirectory()
    {
        using var root = new ThrowawayRoot(DebianPackagesFixture.ExistingDeviceGroups);
        root.Dpkg("--install", packages.Amd64Package).EnsureSuccess("dpkg --install");
        File.WriteAllText(root.Combine("var/lib/gatecontroller/gate.db"), "store");

        root.Dpkg("--purge", "gatecontroller").EnsureSuccess("dpkg --purge");

        Assert.False(Directory.Exists(root.Combine("etc/gatecontroller")));
        Assert.False(Directory.Exists(root.Combine("var/lib/gatecontroller")));
        Assert.DoesNotContain("Package: gatecontroller\n", root.StatusEntry("gatecontroller") + "\n", StringComparison.Ordinal);
        Assert.Contains("deb-systemd-helper purge gatecontroller.service", root.Stubs.Calls);
    }
}
