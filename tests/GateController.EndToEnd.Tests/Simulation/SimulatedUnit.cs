using GateController.Cli;
using GateController.Core.Privacy;
using GateController.Service.Admin;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Storage.Keys;
using Microsoft.Extensions.Time.Testing;

namespace GateController.EndToEnd.Tests.Simulation;

/// <summary>
/// A store in a temporary directory served by the real admin server on a temporary Unix socket, with a
/// <see cref="FakeSimulationControl"/> as the simulated board (or none, as when the service runs without --simulate).
/// </summary>
internal sealed class SimulatedUnit : IAsyncDisposable
{
    public const string Installer = "zhao";
    public const string Office = "wang";
    public const string Technician = "sun";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly AdminServer _server;

    public SimulatedUnit(bool simulating = true)
    {
        Directory = Path.Combine(Path.GetTempPath(), "gc-sim-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Directory);
        SocketPath = Path.Combine(Directory, "admin.sock");
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        using (var key = DeviceKeyFile.Create(Path.Combine(Directory, "device.key")))
        {
            Store = GateStore.Open(new GateStoreOptions { DataDirectory = Path.Combine(Directory, "data"), WalReserveKilobytes = 0 }, key, Time);
        }

        var options = new AdminServerOptions { SocketPath = SocketPath };
        options.Operators.Add(new AdminOperator { Name = Installer, Role = OperatorRole.Installer.Name });
        options.Operators.Add(new AdminOperator { Name = Office, Role = OperatorRole.OfficeStaff.Name });
        options.Operators.Add(new AdminOperator { Name = Technician, Role = OperatorRole.Technician.Name });
        Board = simulating ? new FakeSimulationControl() : null;
        _server = new AdminServer(Store, options, Time, simulation: Board);
        _server.Start();
        _serving = _server.RunAsync(_stop.Token);
    }

    public string Directory { get; }

    public string SocketPath { get; }

    public FakeTimeProvider Time { get; }

    public GateStore Store { get; }

    /// <summary>The simulated board's control, or null when not simulating.</summary>
    public FakeSimulationControl? Board { get; }

    /// <summary>The audit log's details, oldest first.</summary>
    public IReadOnlyList<string> AuditDetails => [.. Store.ReadAudit(1, 100_000).Select(e => e.Detail ?? string.Empty)];

    /// <summary>The audit log's entries, oldest first.</summary>
    public IReadOnlyList<AuditEntry> Audit => Store.ReadAudit(1, 100_000);

    /// <summary>Runs gatectl in-process against this unit (adds --socket).</summary>
    public async Task<(int Status, string Output, string Error)> GatectlAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new GatectlEnvironment { Input = TextReader.Null, Time = Time, IsTerminal = false, DefaultOperator = null };
        var status = await GatectlCommandLine.RunAsync([.. args, "--socket", SocketPath], output, error, environment, CancellationToken.None);
        return (status, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _server.Dispose();
        Store.Dispose();
        _stop.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
