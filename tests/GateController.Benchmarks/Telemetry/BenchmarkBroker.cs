using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GateController.Benchmarks.Telemetry;

/// <summary>A mosquitto broker on a free loopback port for the telemetry benchmarks.</summary>
public sealed class BenchmarkBroker : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gc-bench-mosquitto-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public BenchmarkBroker()
    {
        Directory.CreateDirectory(_directory);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Start()
    {
        var config = Path.Combine(_directory, "mosquitto.conf");
        File.WriteAllText(config, $"persistence false\nlog_dest stderr\nlog_type information\nallow_anonymous true\nmax_queued_messages 0\nlistener {Port} 127.0.0.1\n");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = new ProcessStartInfo("/usr/sbin/mosquitto") { ArgumentList = { "-c", config }, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false } };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains(" running", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        ready.Task.WaitAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
    }

    public void Stop()
    {
        if (_process is { } process)
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
            _process = null;
        }
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_directory, recursive: true);
    }
}
