using System.Globalization;

namespace GateController.Cli.Tests.Crash;

/// <summary>Per-run figures of the crash test, summarised for the test output.</summary>
internal sealed class CrashStatistics
{
    public List<double> StartMilliseconds { get; } = [];

    public List<double> ChangeMilliseconds { get; } = [];

    public List<int> Acknowledged { get; } = [];

    public List<int> InFlight { get; } = [];

    public long AuditEntries { get; set; }

    public int Surviving { get; set; }

    public IEnumerable<string> Summary(int kills, TimeSpan elapsed)
    {
        yield return Format($"{kills} SIGKILLs, {StartMilliseconds.Count} starts in {elapsed.TotalSeconds:F1} s");
        yield return Format($"start until the admin socket answers (ms): {Describe(StartMilliseconds)}");
        yield return Format($"changes until the kill (ms): {Describe(ChangeMilliseconds)}");
        yield return Format($"acknowledged changes per run: {Describe(Acknowledged.Select(a => (double)a).ToList())}; total {Acknowledged.Sum()}");
        yield return Format($"requests in flight at the kill: {Describe(InFlight.Select(a => (double)a).ToList())}; total {InFlight.Sum()}; runs with none {InFlight.Count(i => i == 0)}");
        yield return Format($"audit entries verified at the last start: {AuditEntries}; residents on the unit at the end: {Surviving}");
    }

    private static string Describe(List<double> values)
    {
        if (values.Count == 0)
        {
            return "none";
        }

        var sorted = values.Order().ToList();
        double At(double quantile) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(quantile * sorted.Count))];
        return Format($"min {sorted[0]:F0}, median {At(0.5):F0}, p95 {At(0.95):F0}, max {sorted[^1]:F0}");
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
