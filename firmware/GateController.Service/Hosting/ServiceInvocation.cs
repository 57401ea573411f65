namespace GateController.Service.Hosting;

/// <summary>How gatecontrollerd was asked to run: configuration files, command-line settings, the board, the environment.</summary>
/// <param name="ConfigFiles">The <c>--config</c> files in order.</param>
/// <param name="Overrides">Settings from command-line options (Section:Key → value).</param>
/// <param name="Simulate">Whether to run on the simulated board.</param>
/// <param name="Environment">Reads an environment variable (GATECONTROLLER_*, NOTIFY_SOCKET, WATCHDOG_USEC).</param>
public sealed record ServiceInvocation(
    IReadOnlyList<string> ConfigFiles, IReadOnlyDictionary<string, string?> Overrides, bool Simulate, Func<string, string?> Environment);
