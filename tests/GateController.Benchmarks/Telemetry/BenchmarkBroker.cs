using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GateController.Benchmarks.Telemetry;

/// <summary>
/// A mosquitto broker on a free loopback port for the telemetry benchmarks, by default at a lower CPU priority (nice 10). With <c>persistent</c>, the broker keeps
/// sessions and queued QoS 1 messages on disk across a <see cref="Stop"/> (SIGTERM, as <c>systemctl stop</c>) and the
/// next <see cref="Start"/>, so a persistent subscriber misses nothing published while it reconnects.
/// </summary>
public sealed class BenchmarkBroker : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gc-bench-mosquitto-" + Guid.NewGuid().ToString("N"));
    private readonly bool _persistent;
    private readonly int _nice;
    private Process? _process;

    /// <param name="persistent">Whether sessions survive a stop.</param>
    /// <param name="nice">The broker process's nice value (0 = the benchmark's own priority).</param>
    public BenchmarkBroker(bool persistent = false, int nice = 10)
    {
        _persistent = persistent;
        _nice = nice;
        Directory.CreateDirectory(_directory);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Start()
    {
        var config = Path.Combine(_directory, "mosquitto.conf");
        // Started as root, mosquitto would switch to the mosquitto user, which cannot write the database here.
        var persistence = _persistent ? $"persistence true\npersistence_location {_directory}/\nuser root\n" : "persistence false\n";
        File.WriteAllText(config, $"{persistence}log_dest stderr\nlog_type information\nallow_anonymous true\nmax_queued_messages 0\nlistener {Port} 127.0.0.1\n");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A unit's broker runs on another machine; here it shares the benchmark's cores, so it runs at a lower priority
        // (nice execs mosquitto: same process) to keep its own CPU time out of the door path's figures.
        var process = new Process { StartInfo = new ProcessStartInfo("nice") { ArgumentList = { "-n", _nice.ToString(System.Globalization.CultureInfo.InvariantCulture), "/usr/sbin/mosquitto", "-c", config }, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false } };
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

    /// <summary>Stops the broker: SIGTERM when persistent (it saves its sessions), else SIGKILL.</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            if (_persistent && !process.HasExited)
            {
                using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
                kill.WaitForExit();
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    process.Kill();
                }
            }
            else
            {
                process.Kill();
            }

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
