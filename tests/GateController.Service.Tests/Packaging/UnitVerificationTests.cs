namespace GateController.Service.Tests.Packaging;

/// <summary>systemd's own check of the packaged unit: every key known, every value parsed, ExecStart and ExecReload executable.</summary>
[Collection(DebianPackagesDefinition.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnitVerificationTests(DebianPackagesFixture packages)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void SystemdAnalyzeVerify_PackagedUnit_ReportsNothing()
    {
        var root = Directory.CreateTempSubdirectory("gc-unit-verify-").FullName;
        try
        {
            ChildProcess.Run("dpkg-deb", ["--extract", packages.Amd64Package, root], Timeout).EnsureSuccess("dpkg-deb --extract");
            // The targets the unit is ordered against, taken from this machine's systemd.
            foreach (var target in Directory.EnumerateFiles("/lib/systemd/system", "*.target").Where(File.Exists))
            {
                File.Copy(target, Path.Combine(root, "lib/systemd/system", Path.GetFileName(target)));
            }

            // The command ExecReload runs, which every target system has: this machine's.
            Directory.CreateDirectory(Path.Combine(root, "bin"));
            File.Copy("/bin/kill", Path.Combine(root, "bin", "kill"));

            var result = ChildProcess.Run(
                "systemd-analyze", ["verify", "--root=" + root, "--man=no", "/lib/systemd/system/gatecontroller.service"], Timeout);

            Assert.True(result.ExitCode == 0 && result.StandardError.Length == 0, result.StandardOutput + result.StandardError);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
