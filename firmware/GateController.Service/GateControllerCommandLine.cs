using GateController.Service.Admin;
using GateController.Service.Configuration;
using GateController.Service.Face;
using GateController.Simulation.Scenarios;
using GateController.Storage;
using GateController.Storage.Keys;
using GateController.Storage.Retention;

namespace GateController.Service;

/// <summary>
/// gatecontrollerd's command line: <c>--simulate</c> plays the demonstration on the simulated board; run mode
/// (<c>--data-dir</c>, <c>--key-file</c>, <c>--admin-socket</c>, <c>--config</c>) opens the store and serves the admin API
/// until cancelled; <c>--help</c> prints the usage. A usage error exits 64 (EX_USAGE) naming the argument; a
/// configuration error, a missing or unsafe key file, a wrong key or a damaged database exits 78 (EX_CONFIG).
/// </summary>
internal static class GateControllerCommandLine
{
    /// <summary>The exit status for a command-line usage error (EX_USAGE).</summary>
    public const int ExitUsage = 64;

    /// <summary>The exit status for a configuration, key or database problem (EX_CONFIG).</summary>
    public const int ExitConfiguration = 78;

    /// <summary>The exit status when the admin socket cannot be served (EX_IOERR).</summary>
    public const int ExitIoError = 74;

    /// <summary>The exit status when the demonstration scenario did not go as expected.</summary>
    public const int ExitScenarioFailed = 1;

    /// <summary>The usage text.</summary>
    public const string Usage =
        """
        usage: gatecontrollerd --simulate | [--config FILE]... [--data-dir DIR] [--key-file PATH] [--admin-socket PATH] | --help
          --simulate           run the gate on the simulated board and play the demonstration scenario:
                               each credential is judged by the access core and drives the door state machine
          --config FILE        JSON configuration (may repeat; later files override earlier ones)
          --data-dir DIR       the store's directory (default /var/lib/gatecontroller)
          --key-file PATH      the device key file made by 'gatectl provision' (default /etc/gatecontroller/device.key)
          --admin-socket PATH  the admin API's Unix socket (default /run/gatecontroller/admin.sock)
          --help, -h           print this text
        environment (overrides files, overridden by options): GATECONTROLLER_DATA_DIR, GATECONTROLLER_KEY_FILE,
          GATECONTROLLER_ADMIN_SOCKET, GATECONTROLLER_ADMIN_SOCKET_GROUP
        """;

    /// <summary>Runs gatecontrollerd with <paramref name="args"/>; returns the process exit status.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs gatecontrollerd; in run mode serves until <paramref name="cancellationToken"/> is cancelled (SIGTERM, SIGINT).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Standard output: the usage, the scenario's timeline, the service's start and stop.</param>
    /// <param name="error">Standard error: one line per problem.</param>
    /// <param name="cancellationToken">Stops run mode.</param>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>Runs gatecontrollerd reading environment overrides through <paramref name="environment"/>.</summary>
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var simulate = false;
        var runMode = false;
        var configFiles = new List<string>();
        string? dataDirectory = null, keyFile = null, adminSocket = null;
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            switch (argument)
            {
                case "--simulate":
                    simulate = true;
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                case "--config" or "--data-dir" or "--key-file" or "--admin-socket":
                    if (i + 1 >= args.Count)
                    {
                        error.WriteLine($"gatecontrollerd: {argument} needs a value (try --help)");
                        return ExitUsage;
                    }

                    var value = args[++i];
                    runMode = true;
                    switch (argument)
                    {
                        case "--config":
                            configFiles.Add(value);
                            break;
                        case "--data-dir":
                            dataDirectory = value;
                            break;
                        case "--key-file":
                            keyFile = value;
                            break;
                        default:
                            adminSocket = value;
                            break;
                    }

                    break;
                default:
                    error.WriteLine($"gatecontrollerd: unknown argument '{argument}' (try --help)");
                    return ExitUsage;
            }
        }

        if (simulate && runMode)
        {
            error.WriteLine("gatecontrollerd: --simulate plays the demonstration and takes no store or socket options (try --help)");
            return ExitUsage;
        }

        if (simulate)
        {
            output.WriteLine($"gatecontrollerd: simulated front gate, demonstration scenario from {DemoScenario.Start:yyyy-MM-dd HH:mm} (UTC{DemoScenario.Start:zzz})");
            output.WriteLine("each credential is judged by the access core; lines name residents by pseudonymous id only");
            output.WriteLine("cards and PIN keys arrive as Wiegand edges on GPIO5/GPIO6; the door runs on simulated GPIO lines (lock relay GPIO17)");
            var result = DemoScenario.Run(output);
            return result.Passed ? 0 : ExitScenarioFailed;
        }

        if (!runMode)
        {
            error.WriteLine("gatecontrollerd: give --simulate for the demonstration, or --config/--data-dir/--key-file/--admin-socket to serve the admin API (try --help)");
            return ExitUsage;
        }

        var settings = new ServiceSettings();
        foreach (var file in configFiles)
        {
            settings.Apply(file);
        }

        settings.ApplyEnvironment(environment);
        settings.Store.DataDirectory = dataDirectory ?? settings.Store.DataDirectory;
        settings.KeyFile = keyFile ?? settings.KeyFile;
        settings.Admin.SocketPath = adminSocket ?? settings.Admin.SocketPath;
        if (!settings.Validate())
        {
            foreach (var problem in settings.Problems)
            {
                error.WriteLine($"gatecontrollerd: {problem}");
            }

            return ExitConfiguration;
        }

        return await ServeAsync(settings, output, error, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ServeAsync(ServiceSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        GateStore store;
        try
        {
            using var key = DeviceKeyFile.Load(settings.KeyFile);
            store = GateStore.Open(settings.Store, key, TimeProvider.System);
        }
        catch (StoreException ex)
        {
            error.WriteLine($"gatecontrollerd: {ex.Message}; not starting");
            return ExitConfiguration;
        }

        using (store)
        {
            using var face = FaceRecognition.Open(settings.Face, store);
            if (face.IsAvailable)
            {
                output.WriteLine($"gatecontrollerd: face recognition ready ({face.TemplateCount} templates of consenting residents)");
            }
            else if (!settings.Face.Enabled)
            {
                output.WriteLine("gatecontrollerd: face recognition is off (face.enabled is false); card and PIN work as always");
            }
            else
            {
                // Degraded, not failed: the door path never depends on face (P1).
                error.WriteLine($"gatecontrollerd: running without face recognition: {face.UnavailableReason}; card and PIN work as always");
            }
            using var server = new AdminServer(store, settings.Admin, TimeProvider.System, settings.Consent, face: face);
            try
            {
                server.Start();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"gatecontrollerd: {ex.Message}; not starting");
                return ExitIoError;
            }

            if (settings.Admin.Operators.Count == 0)
            {
                error.WriteLine("gatecontrollerd: no operators are configured; every admin request will be refused");
            }

            var retention = new RetentionJob(store, settings.Store, TimeProvider.System);
            retention.Failed += (_, ex) => error.WriteLine($"gatecontrollerd: retention pass failed: {ex.Message}; trying again next interval");
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var retaining = retention.RunAsync(stopping.Token);
            output.WriteLine($"gatecontrollerd: store {settings.Store.DatabasePath} open; admin API on {settings.Admin.SocketPath}; no door path in this mode");
            try
            {
                await server.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await stopping.CancelAsync().ConfigureAwait(false);
                await retaining.ConfigureAwait(false);
            }

            output.WriteLine("gatecontrollerd: stopped");
            return 0;
        }
    }
}
