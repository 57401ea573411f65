namespace GateController.Telemetry.Health;

/// <summary>Settings of the <see cref="SystemHealthProbe"/>. Call <see cref="Validate"/> at start.</summary>
public sealed class SystemHealthProbeOptions
{
    /// <summary>Root under which <c>proc/</c> and <c>sys/</c> are read; "/" on a unit, a temporary directory in tests.</summary>
    public string RootPath { get; set; } = "/";

    /// <summary>The data directory whose file system's free space is reported.</summary>
    public string DataDirectory { get; set; } = "/var/lib/gatecontroller";

    /// <summary>Whether to read the kernel clock state with adjtimex; off, clock state is reported unknown.</summary>
    public bool ReadClockState { get; set; } = true;

    /// <summary>Returns every problem, one message per setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(RootPath) || !Path.IsPathFullyQualified(RootPath))
        {
            problems.Add($"{nameof(RootPath)} '{RootPath}' must be an absolute path");
        }

        if (string.IsNullOrWhiteSpace(DataDirectory) || !Path.IsPathFullyQualified(DataDirectory))
        {
            problems.Add($"{nameof(DataDirectory)} '{DataDirectory}' must be an absolute path");
        }

        return problems;
    }
}
