using System.Diagnostics;
using System.Text;

namespace GateController.Cli.Tests.Crash;

/// <summary>
/// The real gatecontrollerd binary (built next to this test assembly through the Service project reference) run as a
/// child process in run mode, killed with SIGKILL.
/// </summary>
internal sealed class GatecontrollerdProcess : IDisposable
{
    private const int StartTimeoutMilliseconds = 30_000;
    private const int PollIntervalMilliseconds = 5;

    private readonly Process _process;
    private readonly StringBuilder _error = new();

    private GatecontrollerdProcess(Process process) => _process = process;

    /// <summary>The gatecontrollerd assembly copied into this test assembly's output (Debug or Release alike).</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "gatecontrollerd.dll");

    /// <summary>Starts gatecontrollerd with <paramref name="configFile"/>; does not wait for the socket.</summary>
    public static GatecontrollerdProcess Start(string configFile)
    {
        Assert.True(File.Exists(AssemblyPath), $"gatecontrollerd.dll is not next to the test assembly ({AssemblyPath}); build the test project");
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configFile);
        start.Environment["DOTNET_TieredPGO"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var child = new GatecontrollerdProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._error)
                {
                    child._error.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return child;
    }

    /// <summary>Polls the admin socket until it accepts a connection; fails naming the exit status if the service stops.</summary>
    public async Task<AdminLineClient> WaitForSocketAsync(string socketPath, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"gatecontrollerd exited with status {_process.ExitCode} before serving: {StandardError}");
            }

            var client = await AdminLineClient.TryConnectAsync(socketPath, cancellationToken);
            if (client is not null)
            {
                return client;
            }

            if (waited.ElapsedMilliseconds > StartTimeoutMilliseconds)
            {
                throw new Xunit.Sdk.XunitException($"gatecontrollerd did not serve {socketPath} within {StartTimeoutMilliseconds} ms: {StandardError}");
            }

            await Task.Delay(PollIntervalMilliseconds, cancellationToken);
        }
    }

    /// <summary>What the service wrote to standard error so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end by itself (to report how it ended).</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var waiting = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running; Describe says so.
        }
    }

    /// <summary>Whether the process is still running (or how it ended) and what it wrote to standard error.</summary>
    public string Describe() =>
        (_process.HasExited ? $"gatecontrollerd exited with status {_process.ExitCode}" : "gatecontrollerd still running") + $"; stderr: {StandardError}";

    /// <summary>Sends SIGKILL (nothing when the process has already ended).</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
