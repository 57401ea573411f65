using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GateController.Service.Tests.Mqtt;

/// <summary>
/// A real mosquitto broker on loopback, on a free port, with a generated configuration. Readiness is
/// the broker's own "running" log line followed by a successful TCP connect, never a sleep.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private const string BrokerPath = "/usr/sbin/mosquitto";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly string _extraConfiguration;
    private Process? _process;

    public MosquittoBroker(string? extraConfiguration = null, string? listenerOptions = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "gc-mosquitto-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Port = FreePort();
        _extraConfiguration = extraConfiguration ?? string.Empty;
        ListenerOptions = listenerOptions ?? string.Empty;
    }

    public string Directory { get; }

    public int Port { get; }

    public string ListenerOptions { get; set; }

    public bool IsRunning => _process is { HasExited: false };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        var configPath = Path.Combine(Directory, "mosquitto.conf");
        var config = new StringBuilder()
            .AppendLine("per_listener_settings false")
            .AppendLine("persistence false")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice")
            .AppendLine("log_type information")
            .AppendLine("max_queued_messages 100000")
            .AppendLine("max_inflight_messages 0")
            .AppendLine(_extraConfiguration.Contains("allow_anonymous", StringComparison.Ordinal) ? string.Empty : "allow_anonymous true")
            .AppendLine(_extraConfiguration)
            .AppendLine($"listener {Port} 127.0.0.1")
            .AppendLine(ListenerOptions)
            .ToString();
        File.WriteAllText(configPath, config);

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(BrokerPath)
            {
                ArgumentList = { "-c", configPath },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null || ready.Task.IsCompleted)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains(" running", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("mosquitto exited during start: " + log));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        ready.Task.WaitAsync(StartTimeout).GetAwaiter().GetResult();
        using var probe = new TcpClient();
        probe.Connect(IPAddress.Loopback, Port);
    }

    /// <summary>Stops the broker with SIGTERM and waits for it to exit.</summary>
    public void Stop()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
        }

        process.Dispose();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
