using System.Diagnostics;
using System.Text;
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

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>The broker the unit and the technician use.</summary>
    public MosquittoBroker Broker { get; } = new();

    /// <summary>The temporary directory holding everything of this unit.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "gc-e2e-mqtt-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>The admin socket.</summary>
    public string SocketPath => Path.Combine(Directory, "admin.sock");

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "gatecontrollerd.dll"), "--simulate", "--config", configurationFile,
                     "--data-dir", Path.Combine(Directory, "data"), "--key-file", keyFile, "--admin-socket", SocketPath,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("gatecontrollerd did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilOnlineAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }

            process.Dispose();
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

    private async Task WaitUntilOnlineAsync()
    {
        // Ready when the admin API answers and the unit's retained status on the broker is online.
        using var giveUp = new CancellationTokenSource(StartTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var lastProblem = "no answer yet";
        while (true)
        {
            Assert.False(_process!.HasExited, $"gatecontrollerd exited during start-up:\n{Log}");
            var (status, output, error) = await GatectlAsync("status", "--json", "--operator", Installer);
            if (status == 0 && !(JsonNode.Parse(output)?.ToJsonString().Contains("\"subsystem\":\"mqtt\"", StringComparison.Ordinal) ?? true))
            {
                return;
            }

            lastProblem = status == 0 ? output : error;
            try
            {
                await poll.WaitForNextTickAsync(giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"gatecontrollerd --simulate was not online on the broker within {StartTimeout.TotalSeconds} s ({lastProblem.Trim()}):\n{Log}");
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
