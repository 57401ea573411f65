namespace GateController.Telemetry.Tests.Health;

/// <summary>A temporary directory laid out like / with the proc and sys files the health probe reads.</summary>
public sealed class FakeSystemRoot : IDisposable
{
    public FakeSystemRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gc-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public FakeSystemRoot With(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public FakeSystemRoot WithThermalZone(int index, string type, string temp) =>
        With($"sys/class/thermal/thermal_zone{index}/type", type + "\n").With($"sys/class/thermal/thermal_zone{index}/temp", temp + "\n");

    public FakeSystemRoot WithHealthyProc() =>
        With("proc/uptime", "86400.25 170000.00\n")
            .With("proc/loadavg", "0.42 0.35 0.30 2/301 4242\n")
            .With("proc/meminfo", "MemTotal:        3884132 kB\nMemFree:         2371624 kB\nMemAvailable:    3215908 kB\n")
            .With("proc/self/status", "Name:\tgatecontroller\nVmRSS:\t   91240 kB\nThreads:\t24\n");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
