using System.Text.Json.Nodes;
using GateController.Cli.Diag;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Health;

namespace GateController.Cli.Tests.Diag;

/// <summary>gatectl diag send against a real mosquitto on loopback and a real TelemetryService holding technicians' keys.</summary>
public sealed class DiagSendTests : IDisposable
{
    private static readonly byte[] TechnicianKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] DoorKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();
    private readonly string _directory = Directory.CreateTempSubdirectory("gc-diag-send-").FullName;

    [Fact]
    public async Task Send_Ping_PrintsPongAndExitsZero()
    {
        using var broker = StartBroker();
        await using var unit = await StartUnitAsync(broker.Port);

        var (status, output, error) = await SendAsync("ping", unit, broker.Port, "tech-1", KeyFile(TechnicianKey));

        Assert.Equal(0, status);
        Assert.Equal("ping: pong" + Environment.NewLine, output);
        Assert.Empty(error);
        Assert.Contains(unit.Audit, a => a.Command == "ping" && a.Accepted && a.TechnicianId == "tech-1");
    }

    [Fact]
    public async Task Send_DoorReleaseWithPermission_HandlerRunsJsonReplyExitZero()
    {
        using var broker = StartBroker();
        await using var unit = await StartUnitAsync(broker.Port);

        var (status, output, _) = await SendAsync("door-release", unit, broker.Port, "tech-door", KeyFile(DoorKey), "--json");

        Assert.Equal(0, status);
        var reply = JsonNode.Parse(output)!;
        Assert.True((bool)reply["ok"]!);
        Assert.Equal("released for 5 s", (string)reply["result"]!);
        Assert.Equal("door-release", (string)reply["command"]!);
        Assert.Equal(["tech-door"], unit.Releases);
    }

    [Fact]
    public async Task Send_DoorReleaseWithoutPermission_RefusedWithReasonExitOne()
    {
        using var broker = StartBroker();
        await using var unit = await StartUnitAsync(broker.Port);

        var (status, output, error) = await SendAsync("door-release", unit, broker.Port, "tech-1", KeyFile(TechnicianKey));

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Empty(output);
        Assert.Equal("gatectl: door-release refused: not permitted: door release" + Environment.NewLine, error);
        Assert.Empty(unit.Releases);
    }

    [Fact]
    public async Task Send_UnknownTechnician_RefusedExitOne()
    {
        using var broker = StartBroker();
        await using var unit = await StartUnitAsync(broker.Port);

        var (status, _, error) = await SendAsync("ping", unit, broker.Port, "stranger", KeyFile(TechnicianKey));

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("unknown technician", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WrongKey_RefusedAsBadSignature()
    {
        using var broker = StartBroker();
        await using var unit = await StartUnitAsync(broker.Port);

        var (status, _, error) = await SendAsync("ping", unit, broker.Port, "tech-1", KeyFile(DoorKey));

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("bad signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ReloadAlias_SentAsReloadConfiguration()
    {
        using var broker = StartBroker();
        await using var unit = await StartUnitAsync(broker.Port);

        var (status, output, _) = await SendAsync("reload", unit, broker.Port, "tech-1", KeyFile(TechnicianKey));

        Assert.Equal(0, status);
        Assert.Equal("reload-configuration: nothing changed" + Environment.NewLine, output);
    }

    [Fact]
    public async Task Send_NoUnitAnswers_TimeoutExit75()
    {
        using var broker = StartBroker();

        var (status, _, error) = await RunAsync("diag", "send", "ping", "--unit", "nobody-home", "--technician", "tech-1", "--key-file", KeyFile(TechnicianKey), "--broker", $"127.0.0.1:{broker.Port}", "--timeout", "1");

        Assert.Equal(75, status);
        Assert.Contains("no reply from unit nobody-home to ping within 1 s", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BrokerDown_UnavailableExit69()
    {
        var port = MosquittoBroker.FreePort();

        var (status, _, error) = await RunAsync("diag", "send", "ping", "--unit", "u1", "--technician", "tech-1", "--key-file", KeyFile(TechnicianKey), "--broker", $"127.0.0.1:{port}");

        Assert.Equal(GatectlCommandLine.ExitUnavailable, status);
        Assert.StartsWith($"gatectl: cannot reach the MQTT broker 127.0.0.1:{port}: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    public async Task Send_BadKeyFile_UsageExit(string content)
    {
        var path = Path.Combine(_directory, "bad.key");
        await File.WriteAllTextAsync(path, content);

        var (status, _, error) = await RunAsync("diag", "send", "ping", "--unit", "u1", "--technician", "tech-1", "--key-file", path, "--broker", "127.0.0.1:1");

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("--key-file", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ping", "--unit", "gate/1", "--technician", "t")]
    [InlineData("ping", "--unit", "u1", "--technician", "a b")]
    [InlineData("bad/name", "--unit", "u1", "--technician", "t")]
    [InlineData("ping", "--unit", "u1", "--technician", "t", "--timeout", "0")]
    [InlineData("ping", "--unit", "u1", "--technician", "t", "--tls-cert", "client.crt")]
    public async Task Send_BadArguments_UsageExitBeforeConnecting(params string[] arguments)
    {
        var (status, _, error) = await RunAsync(["diag", "send", .. arguments, "--key-file", KeyFile(TechnicianKey), "--broker", "127.0.0.1:1"]);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.DoesNotContain("cannot reach", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_MissingUnit_UsageExit()
    {
        var (status, _, _) = await RunAsync("diag", "send", "ping", "--technician", "t", "--key-file", KeyFile(TechnicianKey));

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
    }

    [Fact]
    public void TryReadReply_OtherNonceOrMalformed_NotOurs()
    {
        Assert.True(TryReadReply("""{"command":"ping","nonce":"abc12345","ok":true,"result":"pong"}""", "abc12345"));
        Assert.False(TryReadReply("""{"command":"ping","nonce":"other123","ok":true}""", "abc12345"));
        Assert.False(TryReadReply("""{"command":"ping","nonce":"abc12345"}""", "abc12345"));
        Assert.False(TryReadReply("not json", "abc12345"));
        Assert.False(TryReadReply("[1,2]", "abc12345"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static bool TryReadReply(string payload, string nonce) => DiagCommandRunner.TryReadReply(System.Text.Encoding.UTF8.GetBytes(payload), nonce, out _);

    internal static Task<(int Status, string Output, string Error)> RunAsync(params string[] arguments) => RunWithAsync(arguments);

    private static async Task<(int Status, string Output, string Error)> RunWithAsync(string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = await GatectlCommandLine.RunAsync(arguments, output, error, new GatectlEnvironment(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        return (status, output.ToString(), error.ToString());
    }

    private static Task<(int Status, string Output, string Error)> SendAsync(string command, RunningUnit unit, int port, string technician, string keyFile, params string[] extra) =>
        // A generous reply timeout: on a loaded machine connecting alone can take seconds; the timeout exit has its own test.
        RunWithAsync(["diag", "send", command, "--unit", unit.UnitId, "--technician", technician, "--key-file", keyFile, "--broker", $"127.0.0.1:{port}", "--timeout", "60", .. extra]);

    private string KeyFile(byte[] key)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".key");
        File.WriteAllText(path, Convert.ToBase64String(key) + "\n");
        return path;
    }

    private static MosquittoBroker StartBroker()
    {
        var broker = new MosquittoBroker();
        broker.Start();
        return broker;
    }

    internal static async Task<RunningUnit> StartUnitAsync(int port, Action<TelemetryOptions>? configure = null)
    {
        var unitId = "gate-" + Guid.NewGuid().ToString("N")[..8];
        var options = new TelemetryOptions { UnitId = unitId, BrokerHost = "127.0.0.1", BrokerPort = port, FirmwareVersion = "2.0.1" };
        options.Technicians.Add(new TechnicianKey { TechnicianId = "tech-1", Key = TechnicianKey });
        options.Technicians.Add(new TechnicianKey { TechnicianId = "tech-door", Key = DoorKey, MayReleaseDoor = true });
        configure?.Invoke(options);
        var unit = new RunningUnit(unitId);
        var handlers = new TelemetryCommandHandlers
        {
            DoorReleaseAsync = (technician, _) =>
            {
                lock (unit.Releases)
                {
                    unit.Releases.Add(technician);
                }

                return Task.FromResult(CommandOutcome.Success("released for 5 s"));
            },
            ReloadConfigurationAsync = _ => Task.FromResult(CommandOutcome.Success("nothing changed")),
        };
        unit.Service = new TelemetryService(options, () => new HealthDocument(), handlers, unit.Audit.Add, TimeProvider.System);
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        unit.Service.ConnectionChanged += (_, _) =>
        {
            if (unit.Service.IsConnected)
            {
                online.TrySetResult();
            }
        };
        await unit.Service.StartAsync(CancellationToken.None);
        await online.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return unit;
    }

    internal sealed class RunningUnit(string unitId) : IAsyncDisposable
    {
        public string UnitId { get; } = unitId;

        public TelemetryService Service { get; set; } = null!;

        public List<string> Releases { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<CommandAuditRecord> Audit { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
        }
    }
}
