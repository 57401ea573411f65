using GateController.Service.Hosting;
using GateController.Simulation.Scenarios;

namespace GateController.Service;

/// <summary>
/// gatecontrollerd's command line: <c>--simulate</c> alone plays the built-in demonstration scenario; run mode
/// (<c>--config</c>, <c>--data-dir</c>, <c>--key-file</c>, <c>--admin-socket</c>) runs the service (door path, face,
/// admin API, retention) on the unit's board, or on the simulated board together with <c>--simulate</c>;
/// <c>--help</c> prints the usage. Composition lives in <see cref="GateControllerHost"/>. A usage error exits 64
/// (EX_USAGE) naming the argument; a configuration problem, an unsafe key file, a wrong key or a damaged database exits
/// 78 (EX_CONFIG) after listing every problem.
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
        usage: gatecontrollerd [--simulate] [--config FILE]... [--data-dir DIR] [--key-file PATH] [--admin-socket PATH] | --help
          --simulate           alone: play the built-in demonstration scenario on the simulated board;
                               with other options: run the whole service on the simulated board
          --config FILE        JSON configuration (may repeat; later files override earlier ones)
          --data-dir DIR       the store's directory (default /var/lib/gatecontroller)
          --key-file PATH      the device key file made by 'gatectl provision' (default /etc/gatecontroller/device.key)
          --admin-socket PATH  the admin API's Unix socket (default /run/gatecontroller/admin.sock)
          --help, -h           print this text
        configuration: /etc/gatecontroller/gatecontroller.json when no --config is given, then each --config file
        environment (overrides files, overridden by options): GATECONTROLLER_DATA_DIR, GATECONTROLLER_KEY_FILE,
          GATECONTROLLER_ADMIN_SOCKET, GATECONTROLLER_ADMIN_SOCKET_GROUP, GATECONTROLLER_FACE_MODEL_DIR,
          and any setting as GATECONTROLLER__Section__Key
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

        if (simulate && !runMode)
        {
            output.WriteLine($"gatecontrollerd: simulated front gate, demonstration scenario from {DemoScenario.Start:yyyy-MM-dd HH:mm} (UTC{DemoScenario.Start:zzz})");
            output.WriteLine("each credential is judged by the access core; lines name residents by pseudonymous id only");
            output.WriteLine("cards and PIN keys arrive as Wiegand edges on GPIO5/GPIO6; the door runs on simulated GPIO lines (lock relay GPIO17)");
            var result = DemoScenario.Run(output);
            return result.Passed ? 0 : ExitScenarioFailed;
        }

        if (!runMode)
        {
            error.WriteLine("gatecontrollerd: give --simulate for the demonstration, or --config/--data-dir/--key-file/--admin-socket to run the service (try --help)");
            return ExitUsage;
        }

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (dataDirectory is not null)
        {
            overrides["Store:DataDirectory"] = dataDirectory;
        }

        if (keyFile is not null)
        {
            overrides["Store:KeyFile"] = keyFile;
        }

        if (adminSocket is not null)
        {
            overrides["Admin:Socket"] = adminSocket;
        }

        var console = new ServiceConsole(output, error);
        var invocation = new ServiceInvocation(configFiles, overrides, simulate, environment);
        using var host = GateControllerHost.TryCreate(invocation, console, TimeProvider.System, out var exitCode);
        if (host is null)
        {
            return exitCode;
        }

        return await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
