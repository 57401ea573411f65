using GateController.Simulation.Scenarios;

namespace GateController.Service;

/// <summary>
/// gatecontrollerd's command line: <c>--simulate</c> plays the demonstration on the simulated board, <c>--help</c>
/// prints the usage; anything else is a usage error (exit status 64, EX_USAGE) naming the argument.
/// </summary>
internal static class GateControllerCommandLine
{
    /// <summary>The exit status for a command-line usage error (EX_USAGE).</summary>
    public const int ExitUsage = 64;

    /// <summary>The exit status when the demonstration scenario did not go as expected.</summary>
    public const int ExitScenarioFailed = 1;

    /// <summary>The usage text.</summary>
    public const string Usage =
        """
        usage: gatecontrollerd --simulate | --help
          --simulate   run the gate on the simulated board and play the demonstration scenario:
                       each credential is judged by the access core and drives the door state machine
          --help, -h   print this text
        """;

    /// <summary>Runs gatecontrollerd with <paramref name="args"/>; returns the process exit status.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Standard output: the usage and the scenario's timeline.</param>
    /// <param name="error">Standard error: one line per usage error.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var simulate = false;
        foreach (var argument in args)
        {
            switch (argument)
            {
                case "--simulate":
                    simulate = true;
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine($"gatecontrollerd: unknown argument '{argument}' (try --help)");
                    return ExitUsage;
            }
        }

        if (!simulate)
        {
            error.WriteLine("gatecontrollerd: the hardware host is not available in this build; run with --simulate (try --help)");
            return ExitUsage;
        }

        output.WriteLine($"gatecontrollerd: simulated front gate, demonstration scenario from {DemoScenario.Start:yyyy-MM-dd HH:mm} (UTC{DemoScenario.Start:zzz})");
        output.WriteLine("each credential is judged by the access core; lines name residents by pseudonymous id only");
        output.WriteLine("cards and PIN keys arrive as Wiegand edges on GPIO5/GPIO6; the door runs on simulated GPIO lines (lock relay GPIO17)");
        var result = DemoScenario.Run(output);
        return result.Passed ? 0 : ExitScenarioFailed;
    }
}
