using System.Globalization;

namespace GateController.Service.Systemd;

/// <summary>
/// The service manager's watchdog: systemd restarts the unit when no WATCHDOG=1 arrives within <see cref="Interval"/>
/// (WatchdogSec=, passed as $WATCHDOG_USEC). The service pings at half the interval.
/// </summary>
public sealed class WatchdogOptions
{
    /// <summary>The environment variable holding the watchdog interval in microseconds.</summary>
    public const string IntervalVariable = "WATCHDOG_USEC";

    /// <summary>The environment variable naming the process the watchdog applies to.</summary>
    public const string ProcessIdVariable = "WATCHDOG_PID";

    /// <summary>The watchdog interval after which systemd considers the service hung.</summary>
    public TimeSpan Interval { get; set; }

    /// <summary>How often the service pings: half of <see cref="Interval"/>.</summary>
    public TimeSpan PingInterval => Interval / 2;

    /// <summary>Every problem with these options, one message per problem naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Interval < TimeSpan.FromMilliseconds(2))
        {
            problems.Add($"Watchdog.Interval must be at least 2 ms (is {Interval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms).");
        }

        return problems;
    }

    /// <summary>
    /// Reads the watchdog the way sd_watchdog_enabled does: $WATCHDOG_USEC a positive number of microseconds, and
    /// $WATCHDOG_PID, when set, equal to <paramref name="processId"/>. Returns false (no watchdog) otherwise.
    /// </summary>
    /// <param name="getVariable">Looks up an environment variable; null when unset.</param>
    /// <param name="processId">This process's id.</param>
    /// <param name="options">The watchdog when enabled.</param>
    public static bool TryFromEnvironment(Func<string, string?> getVariable, int processId, out WatchdogOptions? options)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        options = null;
        var intervalText = getVariable(IntervalVariable);
        if (string.IsNullOrEmpty(intervalText)
            || !ulong.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds)
            || microseconds == 0
            || microseconds > (ulong)(TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMicrosecond))
        {
            return false;
        }

        var processIdText = getVariable(ProcessIdVariable);
        if (!string.IsNullOrEmpty(processIdText)
            && (!int.TryParse(processIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var watchedProcessId)
                || watchedProcessId != processId))
        {
            return false;
        }

        options = new WatchdogOptions { Interval = TimeSpan.FromMicroseconds(microseconds) };
        return true;
    }

    /// <summary>Reads the watchdog from this process's environment; see <see cref="TryFromEnvironment(Func{string, string?}, int, out WatchdogOptions?)"/>.</summary>
    public static bool TryFromEnvironment(out WatchdogOptions? options) =>
        TryFromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId, out options);
}
