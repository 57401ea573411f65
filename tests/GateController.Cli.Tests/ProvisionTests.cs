namespace GateController.Cli.Tests;

public sealed class ProvisionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gc-prov-" + Guid.NewGuid().ToString("N")[..10]);

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
