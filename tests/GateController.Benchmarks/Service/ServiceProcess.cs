using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace GateController.Benchmarks.Service;

/// <summary>gatecontrollerd as a child process with its own NOTIFY_SOCKET; reads READY=1 and its output lines.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly Socket _notify;
    private readonly string _notifyPath;
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];
    private readonly StringBuilder _output = new();

    private ServiceProcess(string configFile, string directory)
    {
        _notifyPath = Path.Combine(directory, "notify-" + Guid.NewGuid().ToString("N")[..8]);
        _notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _notify.Bind(new UnixDomainSocketEndPoint(_notifyPath));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServiceUnit.ServiceAssembly);
        start.ArgumentList.Add("--simulate");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configFile);
        start.Environment["NOTIFY_SOCKET"] = _notifyPath;
        Started = Stopwatch.StartNew();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Stopwatch Started { get; }

    public static ServiceProcess Start(string configFile, string directory) => new(configFile, directory);

    /// <summary>Waits for READY=1 on the notification socket; returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitForReadyAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        while (true)
        {
            var length = await _notify.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            if (Encoding.UTF8.GetString(buffer, 0, length).Contains("READY=1", StringComparison.Ordinal))
            {
                return Started.Elapsed;
            }
        }
    }

    /// <summary>Waits for an output line containing <paramref name="text"/>; returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitForLineAsync(string text, TimeSpan timeout)
    {
        Task seen;
        lock (_gate)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Started.Elapsed;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, waiter));
            seen = waiter.Task;
        }

        try
        {
            await seen.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"gatecontrollerd did not print '{text}' within {timeout}: {Output}");
        }

        return Started.Elapsed;
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The child's resident set size (VmRSS) in megabytes.</summary>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        throw new InvalidOperationException("no VmRSS line");
    }

    /// <summary>The child's resident memory split as /proc reports it (RssAnon, RssFile, RssShmem), for reading the figure.</summary>
    public string ResidentBreakdown() =>
        string.Join(", ", File.ReadLines($"/proc/{_process.Id}/status")
            .Where(line => line.StartsWith("RssAnon:", StringComparison.Ordinal) || line.StartsWith("RssFile:", StringComparison.Ordinal) || line.StartsWith("RssShmem:", StringComparison.Ordinal))
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        _process.Dispose();
        _notify.Dispose();
        File.Delete(_notifyPath);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)))
            {
                waiter.Seen.TrySetResult();
            }
        }
    }
}
