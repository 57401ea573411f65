using System.Net.Sockets;
using System.Text.Json.Nodes;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Service.Hosting;
using GateController.Service.Tests.Systemd;
using GateController.Storage;
using GateController.Storage.Keys;

namespace GateController.Service.Tests.Hosting;

/// <summary>
/// gatecontrollerd on the simulated board in this process: a temporary data directory and key, a store holding one
/// resident with a card, a test NOTIFY_SOCKET, and the configuration given; started with <see cref="StartAsync"/>.
/// </summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string Operator = "zhao";

    public static readonly byte[] KnownCard = [0x12, 0x34, 0x56];

    public const string KnownPin = "246813";

    public static readonly ResidentId Resident = ResidentId.Parse("R-101");

    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _running;

    public ServiceUnderTest(string sections = "", bool provisioned = true, bool createStore = true)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("gc-host-").FullName;
        Notify = NotifySocketReceiver.InTemporaryDirectory();
        if (provisioned)
        {
            using var key = DeviceKeyFile.Create(KeyFile);
            if (createStore)
            {
                using var store = GateStore.Open(new GateStoreOptions { DataDirectory = DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System);
                store.AddResident(new Resident(Resident, "Li Wei", "3-201", ResidentStatus.Active, false), "setup");
                store.AddCard(Resident, CardFormat.Wiegand26, KnownCard, "setup");
                store.SetPin(Resident, KnownPin, "setup");
            }
        }

        ConfigFile = Path.Combine(Directory, "gatecontroller.json");
        var separator = sections.Length > 0 ? "," : string.Empty;
        File.WriteAllText(ConfigFile, $$"""
            {
              "Store": { "DataDirectory": "{{DataDirectory}}", "KeyFile": "{{KeyFile}}", "WalReserveKilobytes": 0 },
              "Admin": { "Socket": "{{SocketPath}}", "Operators": [ { "Name": "{{Operator}}", "Role": "installer" } ] }{{separator}}
              {{sections}}
            }
            """);
    }

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public string KeyFile => Path.Combine(Directory, "device.key");

    public string SocketPath => Path.Combine(Directory, "admin.sock");

    public string ConfigFile { get; }

    public NotifySocketReceiver Notify { get; }

    public ObservedWriter Output { get; } = new();

    public ObservedWriter Error { get; } = new();

    public GateControllerHost? Host { get; private set; }

    /// <summary>Creates the host (every configuration problem goes to <see cref="Error"/>); null with the exit status when invalid.</summary>
    public GateControllerHost? Create(out int exitCode)
    {
        var environment = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = Notify.Address };
        var invocation = new ServiceInvocation([ConfigFile], new Dictionary<string, string?>(), Simulate: true, n => environment.GetValueOrDefault(n));
        Host = GateControllerHost.TryCreate(invocation, new ServiceConsole(Output, Error), TimeProvider.System, out exitCode);
        return Host;
    }

    /// <summary>Starts the service and waits for READY=1; returns the datagrams received until then.</summary>
    public async Task<IReadOnlyList<string>> StartAsync()
    {
        var host = Create(out var exitCode) ?? throw new InvalidOperationException($"configuration refused ({exitCode}): {Error}");
        _running = Task.Run(() => host.RunAsync(_stop.Token));
        var ready = Notify.WaitForAsync("READY=1", TimeSpan.FromSeconds(30));
        var finished = await Task.WhenAny(ready, _running);
        if (finished == _running)
        {
            throw new InvalidOperationException($"the service ended with {await _running} before READY=1: {Error}");
        }

        return await ready;
    }

    /// <summary>Waits until the admin API serves (it starts after face loading).</summary>
    public async Task<JsonNode> AdminAsync(string command)
    {
        await Output.WaitForAsync("admin API on", TimeSpan.FromSeconds(30));
        return await AskAsync(SocketPath, command);
    }

    /// <summary>Sends one admin request to <paramref name="socketPath"/> and returns the reply.</summary>
    public static async Task<JsonNode> AskAsync(string socketPath, string command)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream);
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes($$"""{"command":"{{command}}","operator":"{{Operator}}"}""" + "\n"));
        return JsonNode.Parse((await reader.ReadLineAsync())!)!;
    }

    /// <summary>Stops the service the way SIGTERM does and returns its exit status.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _running!.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (_running is not null && !_running.IsCompleted)
        {
            await StopAsync();
        }

        Host?.Dispose();
        _stop.Dispose();
        Notify.Dispose();
        Output.Dispose();
        Error.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
