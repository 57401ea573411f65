namespace GateController.Cli.Tests;

public sealed class ProvisionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gc-prov-" + Guid.NewGuid().ToString("N")[..10]);

    public ProvisionTests() => Directory.CreateDirectory(
        _directory,
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    [Fact]
    public async Task Provision_NewUnit_CreatesKeyWithMode0600AndUnitIdOnce()
    {
        var keyFile = Path.Combine(_directory, "etc", "device.key");

        var (status, output, error) = await RunAsync("provision", "--unit-id", "front-gate-1", "--key-file", keyFile);

        Assert.Equal(0, status);
        Assert.Empty(error);
        Assert.Contains("unit front-gate-1 provisioned", output, StringComparison.Ordinal);
        Assert.Equal(32, new FileInfo(keyFile).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal("front-gate-1", File.ReadAllText(Path.Combine(_directory, "etc", GatectlCommandLine.UnitIdFileName)).Trim());
        using (Storage.Keys.DeviceKeyFile.Load(keyFile))
        {
        }

        var before = File.ReadAllBytes(keyFile);
        var again = await RunAsync("provision", "--unit-id", "other", "--key-file", keyFile, "--json");
        Assert.Equal(1, again.Status);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(keyFile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("front gate")]
    [InlineData("a/b")]
    public async Task Provision_BadUnitId_UsageErrorNothingCreated(string unitId)
    {
        var keyFile = Path.Combine(_directory, "device.key");

        var (status, _, error) = await RunAsync("provision", "--unit-id", unitId, "--key-file", keyFile);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("--unit-id", error, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));
    }

    [Fact]
    public async Task Run_UnknownCommand_UsageErrorOneLine()
    {
        var (status, output, error) = await RunAsync("frobnicate");

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Empty(output);
        Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Provision_DataDirectory_CreatedOwnerOnlyKeyOutsideIt()
    {
        var keyFile = Path.Combine(_directory, "etc", "device.key");
        var data = Path.Combine(_directory, "var", "data");

        var (status, output, error) = await RunAsync("provision", "--unit-id", "front-gate-1", "--key-file", keyFile, "--data-dir", data, "--json");

        Assert.True(status == 0, error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Contains($"\"dataDirectory\": \"{data}\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provision_KeyInsideDataDirectory_UsageErrorNothingCreated()
    {
        var data = Path.Combine(_directory, "data");
        var keyFile = Path.Combine(data, "keys", "device.key");

        var (status, _, error) = await RunAsync("provision", "--unit-id", "front-gate-1", "--key-file", keyFile, "--data-dir", data);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("inside the data directory", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Provision_OwnerNobody_RootGivesFilesElseRefusedAndNothingCreated()
    {
        // nobody (65534) exists on every Debian-like system. As root the files become nobody's and nobody can read the
        // key; as any other user giving files away is refused before anything is made.
        var keyFile = Path.Combine(_directory, "etc", "device.key");
        var data = Path.Combine(_directory, "data");
        var root = Interop.LibC.GetEffectiveUserId() == 0;

        var (status, output, error) = await RunAsync("provision", "--unit-id", "front-gate-1", "--key-file", keyFile, "--data-dir", data, "--owner", "nobody");

        if (!root)
        {
            Assert.Equal(GatectlCommandLine.ExitUsage, status);
            Assert.Contains("only root can give files to another user", error, StringComparison.Ordinal);
            Assert.False(File.Exists(keyFile));
            Assert.False(Directory.Exists(data));
            return;
        }

        Assert.True(status == 0, error);
        Assert.Contains("owned by nobody:", output, StringComparison.Ordinal);
        foreach (var path in new[] { keyFile, Path.GetDirectoryName(keyFile)!, Path.Combine(_directory, "etc", GatectlCommandLine.UnitIdFileName), data })
        {
            Assert.Equal(65534, OwnerOf(path));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var read = await ReadAsUserAsync(65534, keyFile);
        Assert.True(read.Status == 0, read.Error);
        Assert.Equal(File.ReadAllBytes(keyFile).Length, read.Bytes);
    }

    [Fact]
    public async Task Provision_AsRootWithoutOwner_ServiceUserOrNote()
    {
        var keyFile = Path.Combine(_directory, "etc", "device.key");
        var serviceUser = new Cli.Provisioning.UnixAccountDatabase().FindUser(Cli.Provisioning.ProvisionOwnership.DefaultServiceUser);
        var root = Interop.LibC.GetEffectiveUserId() == 0;

        var (status, output, error) = await RunAsync("provision", "--unit-id", "front-gate-1", "--key-file", keyFile);

        Assert.True(status == 0, error);
        if (root && serviceUser is { } user)
        {
            Assert.Equal(user.UserId, OwnerOf(keyFile));
        }
        else if (root)
        {
            Assert.Equal(0, OwnerOf(keyFile));
            Assert.Contains("note: there is no 'gatecontroller' user", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal((int)Interop.LibC.GetEffectiveUserId(), OwnerOf(keyFile));
            Assert.DoesNotContain("note:", output, StringComparison.Ordinal);
        }
    }

    private static int OwnerOf(string path)
    {
        var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%u", path]) { RedirectStandardOutput = true })!;
        var text = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int Status, int Bytes, string Error)> ReadAsUserAsync(int userId, string path)
    {
        var info = new System.Diagnostics.ProcessStartInfo("setpriv", ["--reuid", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--regid", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--clear-groups", "wc", "-c", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var bytes = process.ExitCode == 0 ? int.Parse(output.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : -1;
        return (process.ExitCode, bytes, error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<(int Status, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = await GatectlCommandLine.RunAsync(args, output, error, new GatectlEnvironment(), CancellationToken.None);
        return (status, output.ToString(), error.ToString());
    }
}
