using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GateController.EndToEnd.Tests;

/// <summary>
/// The real gatecontrollerd <c>--simulate</c> as a child process of a test fixture: started over the fixture's
/// configuration, data directory, device key and admin socket; its output kept for failure messages; polled until the
/// fixture's readiness holds; stopped with SIGTERM (a clean stop removes the socket and closes the store), SIGKILL only
/// if it hangs.
/// </summary>
internal sealed class GatecontrollerdProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private GatecontrollerdProcess(ProcessStartInfo start)
    {
        _process = Process.Start(start) ?? throw new InvalidOperationException("gatecontrollerd did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts gatecontrollerd <c>--simulate</c> (the build next to the tests) over the given files.</summary>
    public static GatecontrollerdProcess Start(string configurationFile, string dataDirectory, string keyFile, string socketPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "gatecontrollerd.dll"), "--simulate", "--config", configurationFile,
                     "--data-dir", dataDirectory, "--key-file", keyFile, "--admin-socket", socketPath,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        return new GatecontrollerdProcess(start);
    }

    /// <summary>
    /// Polls <paramref name="status"/> (<c>gatectl status --json</c>) until it succeeds with a document
    /// <paramref name="isReady"/> accepts; fails the test if the service exits or is not <paramref name="ready"/> in time.
    /// Polled, since the service is another process and says nothing to this one when it is ready.
    /// </summary>
    public async Task WaitUntilAsync(Func<Task<(int Status, string Output, string Error)>> status, Func<string, bool> isReady, string ready)
    {
        using var giveUp = new CancellationTokenSource(StartTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var lastProblem = "no answer yet";
        while (true)
        {
            Assert.False(_process.HasExited, $"gatecontrollerd exited with {(_process.HasExited ? _process.ExitCode : 0)} during start-up:\n{Log}");
            var (code, output, error) = await status();
            if (code == 0 && isReady(output))
            {
                return;
            }

            lastProblem = code == 0 ? output : error;
            try
            {
                await poll.WaitForNextTickAsync(giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"gatecontrollerd --simulate was not {ready} within {StartTimeout.TotalSeconds} s ({lastProblem.Trim()}):\n{Log}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
