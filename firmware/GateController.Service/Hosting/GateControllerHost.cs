using GateController.Core.Access;
using GateController.Service.Admin;
using GateController.Service.Boards;
using GateController.Service.Configuration;
using GateController.Service.Health;
using GateController.Service.Systemd;
using GateController.Storage;
using GateController.Storage.Access;
using GateController.Storage.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GateController.Service.Hosting;

/// <summary>
/// gatecontrollerd's composition: reads and validates the configuration (every problem listed, exit 78), opens the
/// board, waits for the device key on an unprovisioned unit, opens the store, and runs the Generic Host with the door
/// path, face loading, telemetry, admin API and retention as hosted services.
/// </summary>
public sealed class GateControllerHost : IDisposable
{
    private readonly ServiceInvocation _invocation;
    private readonly GateControllerOptions _options;
    private readonly IGateBoard? _board;
    private readonly AdminConsentSettings? _consent;
    private readonly ServiceConsole _console;
    private readonly TimeProvider _timeProvider;
    private IReadOnlyList<KeyValuePair<string, string?>> _runningSettings = [];

    private GateControllerHost(
        ServiceInvocation invocation, GateControllerOptions options, IGateBoard? board, AdminConsentSettings? consent, ServiceConsole console, TimeProvider timeProvider)
    {
        _invocation = invocation;
        _options = options;
        _board = board;
        _consent = consent;
        _console = console;
        _timeProvider = timeProvider;
        Degraded = new DegradedSubsystems(timeProvider);
    }

    /// <summary>The start-up order and, once live, the door path and simulation control.</summary>
    public ServiceReadiness Readiness { get; } = new();

    /// <summary>The degraded-subsystem registry.</summary>
    public DegradedSubsystems Degraded { get; }

    /// <summary>The board the door path runs on, or null when the unit drives no door.</summary>
    public IGateBoard? Board => _board;

    /// <summary>The bound options.</summary>
    public GateControllerOptions Options => _options;

    /// <summary>
    /// Reads the configuration, opens the board and validates everything; returns null with the exit status (78) and
    /// every problem written to the console when something is wrong.
    /// </summary>
    public static GateControllerHost? TryCreate(ServiceInvocation invocation, ServiceConsole console, TimeProvider timeProvider, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = new List<string>();
        var files = ConfigurationFiles(invocation);
        var configuration = GateControllerConfiguration.Build(files, invocation.Environment, invocation.Overrides, problems);
        var options = GateControllerConfiguration.Bind(configuration, problems);
        options.ConsentBaseDirectory = ConsentDirectory(files);
        IGateBoard? board = null;
        if (options.Door.Enabled)
        {
            if (invocation.Simulate)
            {
                board = new SimulatedGateBoard(options, timeProvider);
            }
            else
            {
                try
                {
                    board = new LinuxGateBoard(options.Door.Chip);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    problems.Add($"Door:Chip: GPIO chip '{options.Door.Chip}' cannot be opened: {ex.Message}");
                }
            }
        }

        problems.AddRange(GateControllerOptionsValidator.Validate(options, board?.Gpio));

        var consent = problems.Count == 0 ? ConsentSettingsBuilder.Build(options.Consent, options.ConsentBaseDirectory, problems) : null;
        if (problems.Count > 0)
        {
            board?.Dispose();
            foreach (var problem in problems)
            {
                console.Warn(problem);
            }

            exitCode = GateControllerCommandLine.ExitConfiguration;
            return null;
        }

        exitCode = 0;
        return new GateControllerHost(invocation, options, board, consent, console, timeProvider) { _runningSettings = [.. configuration.AsEnumerable()] };
    }

    /// <summary>
    /// Waits for the device key on an unprovisioned unit, opens the store and runs the host until
    /// <paramref name="cancellationToken"/> is cancelled; returns the exit status.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var notifier = new SystemdNotifier(_invocation.Environment(SystemdNotifier.NotifySocketVariable));
        if (!File.Exists(_options.Store.KeyFile))
        {
            var provisioned = await new UnprovisionedWait(_options, _console, _timeProvider, notifier).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!provisioned)
            {
                _console.Say("stopped");
                return 0;
            }
        }

        GateStore store;
        try
        {
            using var key = DeviceKeyFile.Load(_options.Store.KeyFile);
            store = GateStore.Open(_options.Store.ToStoreOptions(), key, _timeProvider);
        }
        catch (StoreException ex)
        {
            _console.Warn($"{ex.Message}; not starting");
            return GateControllerCommandLine.ExitConfiguration;
        }

        using (store)
        {
            using var host = Build(store, notifier);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        _console.Say("stopped");
        return Readiness.ExitCode;
    }

    /// <summary>Releases the board.</summary>
    public void Dispose() => _board?.Dispose();

    /// <summary>The configuration files read, in order: the default file (only without <c>--config</c>), then each <c>--config</c> file.</summary>
    internal static List<string> ConfigurationFiles(ServiceInvocation invocation)
    {
        var files = new List<string>();
        if (File.Exists(GateControllerConfiguration.DefaultFile) && invocation.ConfigFiles.Count == 0)
        {
            files.Add(GateControllerConfiguration.DefaultFile);
        }

        files.AddRange(invocation.ConfigFiles);
        return files;
    }

    internal static string? ConsentDirectory(List<string> files)
    {
        for (var i = files.Count - 1; i >= 0; i--)
        {
            try
            {
                var single = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(files[i]), optional: true, reloadOnChange: false).Build();
                if (single.GetSection("Consent").Exists())
                {
                    return Path.GetDirectoryName(Path.GetFullPath(files[i]));
                }
            }
            catch (Exception ex) when (ex is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
            {
                // Reported while reading the configuration.
            }
        }

        return null;
    }

    private IHost Build(GateStore store, ISystemdNotifier notifier)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var services = builder.Services;
        WatchdogOptions.TryFromEnvironment(_invocation.Environment, Environment.ProcessId, out var watchdog);
        var status = new ServiceStatusSource(Readiness, Degraded, _board?.Description ?? "none");
        var directory = new StoreAccessDirectory(store);
        var gate = new AccessGate(
            directory,
            new AccessGateOptions
            {
                DefaultPolicy = DoorPolicy.Create(_options.Door.ToPolicyDefinition()),
                GroupPolicies = _options.Door.Enabled ? _options.Door.ToGroupPolicies() : new Dictionary<string, DoorPolicy>(StringComparer.Ordinal),
                Withdrawal = _options.Withdrawal,
            },
            _timeProvider);
        var reloader = new ConfigurationReloader(_invocation, _runningSettings, _board, store);

        // First, so SIGHUP reloads (and never ends the process) from the start.
        services.AddHostedService(_ => new ReloadSignalService(reloader, _console));
        services.AddHostedService(sp => new DoorPathService(
            _options, _board, gate, directory, store, Degraded, Readiness, notifier, watchdog, _console, sp.GetRequiredService<IHostApplicationLifetime>(), _timeProvider));
        services.AddHostedService(_ => new FaceLoadingService(_options, store, Degraded, Readiness, _console));
        services.AddHostedService(sp => new AdminService(
            store, _options, _consent, Readiness, status, _console, sp.GetRequiredService<IHostApplicationLifetime>(), _timeProvider));
        services.AddHostedService(_ => new RetentionService(store, _options, Readiness, _console, _timeProvider));
        if (_options.Telemetry.Enabled && TelemetryComposition.TryCreate(_options, store, Readiness, Degraded, _timeProvider, reloader) is { } telemetry)
        {
            reloader.Telemetry = telemetry;
            services.AddHostedService(_ => telemetry);
            services.AddHostedService(_ => new TelemetryBridgeService(telemetry, Readiness, Degraded));
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return builder.Build();
    }
}
