using System.Text.Json.Nodes;
using GateController.Cli;

namespace GateController.EndToEnd.Tests.Commands;

/// <summary>
/// A mosquitto on a free loopback port and the real gatecontrollerd <c>--simulate</c> publishing to it (unit
/// <see cref="UnitId"/>, provisioned by <c>gatectl provision</c>, no face models), driven by gatectl in this process.
/// </summary>
public sealed class TelemetryGatecontrollerd : IAsyncLifetime
{
    /// <summary>The unit's id.</summary>
    public const string UnitId = "e2e-mqtt-gate";

    /// <summary>The operator with the installer role.</summary>
    public const string Installer = "zhao";

    private GatecontrollerdProcess? _service;

    /// <summary>The broker the unit and the technician use.</summary>
    public MosquittoBroker Broker { get; } = new();

    /// <summary>The temporary directory holding everything of this unit.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "gc-e2e-mqtt-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>The admin socket.</summary>
    public string SocketPath => Path.Combine(Directory, "admin.sock");

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Log => _service?.Log ?? string.Empty;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Broker.Start();
        var keyFile = Path.Combine(Directory, "keys", "device.key");
        var provisioned = await GatectlAsync("provision", "--unit-id", UnitId, "--key-file", keyFile);
        Assert.True(provisioned.Status == 0, provisioned.Error);
        var configuration = new JsonObject
        {
            ["Door"] = new JsonObject { ["Methods"] = "Card, Pin", ["PulseDuration"] = "00:00:01" },
            ["Wiegand"] = new JsonObject { ["Enabled"] = true },
            ["Face"] = new JsonObject { ["Enabled"] = false },
            ["Admin"] = new JsonObject { ["Operators"] = new JsonArray(new JsonObject { ["name"] = Installer, ["role"] = "installer" }) },
            ["Telemetry"] = new JsonObject { ["Enabled"] = true, ["BrokerHost"] = "127.0.0.1", ["BrokerPort"] = Broker.Port },
        };
        var configurationFile = Path.Combine(Directory, "gatecontroller.json");
        await File.WriteAllTextAsync(configurationFile, configuration.ToJsonString());
        _service = GatecontrollerdProcess.Start(configurationFile, Path.Combine(Directory, "data"), keyFile, SocketPath);

        // Ready when the admin API answers and the unit reports no mqtt trouble: it is online on the broker.
        await _service.WaitUntilAsync(
            () => GatectlAsync("status", "--json", "--operator", Installer),
            output => !(JsonNode.Parse(output)?.ToJsonString().Contains("\"subsystem\":\"mqtt\"", StringComparison.Ordinal) ?? true),
            "online on the broker");
    }

    public async Task DisposeAsync()
    {
        if (_service is { } service)
        {
            await service.DisposeAsync();
        }

        Broker.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Runs gatectl in this process; admin commands get <c>--socket</c>, <c>diag</c> commands the broker.</summary>
    public async Task<(int Status, string Output, string Error)> GatectlAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new GatectlEnvironment { Input = TextReader.Null, Time = TimeProvider.System, IsTerminal = false, DefaultOperator = null };
        string[] arguments = args[0] == "diag" ? [.. args, "--broker", $"127.0.0.1:{Broker.Port}"] : [.. args, "--socket", SocketPath];
        var status = await GatectlCommandLine.RunAsync(arguments, output, error, environment, CancellationToken.None);
        return (status, output.ToString(), error.ToString());
    }

    /// <summary>Adds a technician through <c>gatectl technician add --key-out</c>; returns the key file.</summary>
    public async Task<string> AddTechnicianAsync(string technicianId, bool mayReleaseDoor)
    {
        var keyFile = Path.Combine(Directory, technicianId + ".key");
        string[] args = ["technician", "add", technicianId, "--key-out", keyFile, "--operator", Installer];
        var (status, _, error) = await GatectlAsync(mayReleaseDoor ? [.. args, "--may-release-door"] : args);
        Assert.True(status == 0, $"technician add: {error}\ngatecontrollerd:\n{Log}");
        return keyFile;
    }
}
