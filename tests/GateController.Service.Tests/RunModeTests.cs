using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using GateController.Service;
using GateController.Storage;
using GateController.Storage.Keys;

namespace GateController.Service.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunModeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gcd-" + Guid.NewGuid().ToString("N")[..10]);

    public RunModeTests() => Directory.CreateDirectory(_directory);

    private string KeyFile => Path.Combine(_directory, "device.key");

    private string DataDirectory => Path.Combine(_directory, "data");

    private string SocketPath => Path.Combine(_directory, "admin.sock");

    private string NoDoorConfig
    {
        get
        {
            var path = Path.Combine(_directory, "no-door.json");
            File.WriteAllText(path, """{ "Door": { "Enabled": false }, "Face": { "Enabled": false } }""");
            return path;
        }
    }

    [Fact]
    public async Task RunAsync_MissingKeyFileForAnExistingStore_Exits78NamingTheFile()
    {
        CreateStore();

        var (status, _, error) = await RunAsync(CancellationToken.None, "--config", NoDoorConfig, "--data-dir", DataDirectory, "--key-file", KeyFile, "--admin-socket", SocketPath);

        Assert.Equal(78, status);
        Assert.Contains($"device key file {KeyFile} is missing", error, StringComparison.Ordinal);
        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public async Task RunAsync_KeyFileReadableByOthers_Exits78()
    {
        DeviceKeyFile.Create(KeyFile).Dispose();
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var (status, _, error) = await RunAsync(CancellationToken.None, "--data-dir", DataDirectory, "--key-file", KeyFile, "--admin-socket", SocketPath);

        Assert.Equal(78, status);
        Assert.Contains("chmod 600", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WrongKey_Exits78AndLeavesTheDatabaseAlone()
    {
        using (var original = DeviceKey.CreateRandom())
        using (var store = GateStore.Open(new GateStoreOptions { DataDirectory = DataDirectory, WalReserveKilobytes = 0 }, original, TimeProvider.System))
        {
            store.AddResident(new Core.Residents.Resident(Core.Residents.ResidentId.Parse("R1"), "A", null, Core.Residents.ResidentStatus.Active, false), "op");
        }

        DeviceKeyFile.Create(KeyFile).Dispose();
        var before = File.ReadAllBytes(Path.Combine(DataDirectory, "gate.db"));

        var (status, _, error) = await RunAsync(CancellationToken.None, "--config", NoDoorConfig, "--data-dir", DataDirectory, "--key-file", KeyFile, "--admin-socket", SocketPath);

        Assert.Equal(78, status);
        Assert.Contains("not starting", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(DataDirectory, "gate.db")));
    }

    [Fact]
    public async Task RunAsync_CorruptDatabase_Exits78()
    {
        DeviceKeyFile.Create(KeyFile).Dispose();
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllBytes(Path.Combine(DataDirectory, "gate.db"), Encoding.ASCII.GetBytes(new string('x', 8192)));

        var (status, _, error) = await RunAsync(CancellationToken.None, "--config", NoDoorConfig, "--data-dir", DataDirectory, "--key-file", KeyFile, "--admin-socket", SocketPath);

        Assert.Equal(78, status);
        Assert.Contains("gate.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadConfiguration_Exits78ListingEveryProblem()
    {
        var config = Path.Combine(_directory, "gate.json");
        File.WriteAllText(config, """{ "operators": [ { "name": "wang", "role": "boss" }, { "name": "wang", "role": "office" } ], "dataDirectory": "relative" }""");

        var (status, _, error) = await RunAsync(CancellationToken.None, "--config", config, "--key-file", KeyFile);

        Assert.Equal(78, status);
        Assert.Contains("role 'boss'", error, StringComparison.Ordinal);
        Assert.Contains("configured more than once", error, StringComparison.Ordinal);
        Assert.Contains("DataDirectory must be an absolute path", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConfigurationWithUnknownSetting_Exits78NamingTheFile()
    {
        var config = Path.Combine(_directory, "gate.json");
        File.WriteAllText(config, """{ "dataDirectry": "/tmp/x" }""");

        var (status, _, error) = await RunAsync(CancellationToken.None, "--config", config);

        Assert.Equal(78, status);
        Assert.Contains($"--config {config}: unknown setting 'dataDirectry'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ValidSetup_ServesAdminApiUntilCancelledThenRemovesSocket()
    {
        DeviceKeyFile.Create(KeyFile).Dispose();
        var config = Path.Combine(_directory, "gate.json");
        // Face is switched off here so that stderr stays empty; without models the service says it runs without face.
        File.WriteAllText(config, $$"""{ "operators": [ { "name": "zhao", "role": "installer" } ], "dataDirectory": "{{DataDirectory}}", "face": { "enabled": false }, "door": { "enabled": false } }""");
        using var stop = new CancellationTokenSource();
        using var output = new SignallingWriter("admin API on");
        using var error = new StringWriter();

        var running = GateControllerCommandLine.RunAsync(["--config", config, "--key-file", KeyFile, "--admin-socket", SocketPath], output, error, stop.Token);
        await output.Signalled.WaitAsync(TimeSpan.FromSeconds(20));
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
            using var stream = new NetworkStream(socket);
            using var reader = new StreamReader(stream);
            await stream.WriteAsync("{\"command\":\"status\",\"operator\":\"zhao\"}\n"u8.ToArray());
            var reply = JsonNode.Parse((await reader.ReadLineAsync())!)!;
            Assert.True((bool)reply["ok"]!);
            Assert.Equal(0, (int)reply["result"]!["residents"]!);
        }

        await stop.CancelAsync();
        var status = await running;

        Assert.Equal(0, status);
        Assert.Empty(error.ToString());
        Assert.False(File.Exists(SocketPath));
        Assert.Contains("gatecontrollerd: stopped", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EnvironmentKeyFile_OverridesConfigurationButNotOptions()
    {
        var config = Path.Combine(_directory, "gate.json");
        File.WriteAllText(config, $$"""{ "keyFile": "{{_directory}}/from-file.key", "dataDirectory": "{{DataDirectory}}", "adminSocket": "{{SocketPath}}", "Door": { "Enabled": false } }""");
        CreateStore();
        var environment = new Dictionary<string, string> { ["GATECONTROLLER_KEY_FILE"] = Path.Combine(_directory, "from-env.key") };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var status = await GateControllerCommandLine.RunAsync(["--config", config], output, error, n => environment.GetValueOrDefault(n), CancellationToken.None);
        using var error2 = new StringWriter();
        var status2 = await GateControllerCommandLine.RunAsync(["--config", config, "--key-file", KeyFile], output, error2, n => environment.GetValueOrDefault(n), CancellationToken.None);

        Assert.Equal(78, status);
        Assert.Contains("from-env.key is missing", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(78, status2);
        Assert.Contains($"{KeyFile} is missing", error2.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_KeyFileInsideDataDirectory_Exits78()
    {
        var (status, _, error) = await RunAsync(CancellationToken.None, "--data-dir", DataDirectory, "--key-file", Path.Combine(DataDirectory, "device.key"), "--admin-socket", SocketPath);

        Assert.Equal(78, status);
        Assert.Contains("inside the data directory", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--data-dir")]
    [InlineData("--config")]
    public async Task RunAsync_OptionWithoutValue_Exits64(string option)
    {
        var (status, _, error) = await RunAsync(CancellationToken.None, option);

        Assert.Equal(64, status);
        Assert.Contains($"{option} needs a value", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedJson_Exits78NamingTheFile()
    {
        var config = Path.Combine(_directory, "gate.json");
        File.WriteAllText(config, "{ \"Door\": ");

        var (status, _, error) = await RunAsync(CancellationToken.None, "--config", config);

        Assert.Equal(78, status);
        Assert.Contains($"--config {config}: not valid configuration JSON", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void CreateStore()
    {
        using var key = DeviceKey.CreateRandom();
        using var store = GateStore.Open(new GateStoreOptions { DataDirectory = DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System);
    }

    private static async Task<(int Status, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = await GateControllerCommandLine.RunAsync(args, output, error, cancellationToken);
        return (status, output.ToString(), error.ToString());
    }

    private sealed class SignallingWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Signalled => _signalled.Task;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(marker, StringComparison.Ordinal))
            {
                _signalled.TrySetResult();
            }
        }
    }
}
