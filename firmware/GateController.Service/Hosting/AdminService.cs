using GateController.Service.Admin;
using GateController.Service.Configuration;
using GateController.Storage;
using Microsoft.Extensions.Hosting;

namespace GateController.Service.Hosting;

/// <summary>
/// Serves the admin API once the door path is live and face loading ended, with the door's manual release, the face
/// component, the service status and (on the simulated board) the simulation control. A socket that cannot be served
/// ends the process with 74.
/// </summary>
public sealed class AdminService : BackgroundService
{
    private readonly IGateStore _store;
    private readonly GateControllerOptions _options;
    private readonly AdminConsentSettings? _consent;
    private readonly ServiceReadiness _readiness;
    private readonly IServiceStatusSource _status;
    private readonly ServiceConsole _console;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service.</summary>
    public AdminService(
        IGateStore store, GateControllerOptions options, AdminConsentSettings? consent, ServiceReadiness readiness, IServiceStatusSource status,
        ServiceConsole console, IHostApplicationLifetime lifetime, TimeProvider timeProvider)
    {
        _store = store;
        _options = options;
        _consent = consent;
        _readiness = readiness;
        _status = status;
        _console = console;
        _lifetime = lifetime;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Face.FaceRecognition? face;
        DoorPath.GateDoorPath? doorPath;
        try
        {
            doorPath = await _readiness.DoorPath.WaitAsync(stoppingToken).ConfigureAwait(false);
            face = await _readiness.Face.WaitAsync(stoppingToken).ConfigureAwait(false);
            await _readiness.FaceReader.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var options = _options.Admin.ToServerOptions();
        foreach (var group in _options.Door.AccessGroups.Keys)
        {
            options.AccessGroups.Add(group);
        }

        var unconfigured = _store.CountResidentsPerAccessGroup().Where(g => !options.AccessGroups.Contains(g.Key)).ToList();
        if (unconfigured.Count > 0)
        {
            _console.Warn($"residents in access groups the configuration does not define are refused at the door: {string.Join(", ", unconfigured.Select(g => $"{g.Key} ({g.Value})"))}");
        }

        var privacyProblems = new List<string>();
        var privacy = PrivacyReportComposition.TryBuild(_options, privacyProblems);
        if (privacy is null)
        {
            _console.Say($"report pia is not available: {string.Join("; ", privacyProblems)}");
        }

        using var server = new AdminServer(_store, options, _timeProvider, _consent, doorPath, face, _status, _readiness.Simulation, privacy);
        try
        {
            server.Start();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _console.Warn($"{ex.Message}; not starting");
            _readiness.Fail(GateControllerCommandLine.ExitIoError);
            _lifetime.StopApplication();
            return;
        }

        if (options.Operators.Count == 0)
        {
            _console.Warn("no operators are configured; every admin request will be refused");
        }

        _console.Say($"store {_options.Store.ToStoreOptions().DatabasePath} open; admin API on {options.SocketPath}");
        await server.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
