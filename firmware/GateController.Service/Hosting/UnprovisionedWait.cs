using System.Net.Sockets;
using System.Text;
using GateController.Service.Configuration;
using GateController.Service.Systemd;

namespace GateController.Service.Hosting;

/// <summary>
/// An unprovisioned unit (no device key yet: the package starts the service before <c>gatectl provision</c> runs)
/// must not crash-loop: it tells systemd it is up (READY=1, STATUS, WATCHDOG=1), answers admin <c>status</c> with
/// "unprovisioned" and every other command with what to do, and checks for the key file every second.
/// </summary>
public sealed class UnprovisionedWait
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly GateControllerOptions _options;
    private readonly ServiceConsole _console;
    private readonly TimeProvider _timeProvider;
    private readonly ISystemdNotifier _notifier;

    /// <summary>Creates the wait.</summary>
    public UnprovisionedWait(GateControllerOptions options, ServiceConsole console, TimeProvider timeProvider, ISystemdNotifier notifier)
    {
        _options = options;
        _console = console;
        _timeProvider = timeProvider;
        _notifier = notifier;
    }

    /// <summary>Waits until the key file exists (true) or <paramref name="cancellationToken"/> is cancelled (false).</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var keyFile = _options.Store.KeyFile;
        using var listener = Listen(_options.Admin.Socket);
        _console.Say($"unprovisioned: no device key at {keyFile}; run 'gatectl provision' (waiting; the door path starts once the key exists)");
        _notifier.Notify(SystemdNotifyState.Ready);
        _notifier.Notify(SystemdNotifyState.Status("unprovisioned: waiting for gatectl provision"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var serving = listener is null ? Task.CompletedTask : ServeAsync(listener, keyFile, stop.Token);
        try
        {
            using var timer = new PeriodicTimer(CheckInterval, _timeProvider);
            while (!File.Exists(keyFile))
            {
                _notifier.Notify(SystemdNotifyState.Watchdog);
                if (!await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            _console.Say($"device key {keyFile} found; starting");
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await serving.ConfigureAwait(false);
            TryDelete(_options.Admin.Socket);
        }
    }

    private Socket? Listen(string path)
    {
        try
        {
            TryDelete(path);
            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(8);
            return listener;
        }
        catch (SocketException ex)
        {
            _console.Warn($"cannot listen on admin socket {path} while unprovisioned: {ex.Message}");
            return null;
        }
    }

    private static async Task ServeAsync(Socket listener, string keyFile, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    using var stream = new NetworkStream(client);
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
                    var keyFileJson = System.Text.Json.JsonEncodedText.Encode(keyFile);
                    var reply = line.Contains("\"status\"", StringComparison.Ordinal)
                        ? $$$"""{"ok":true,"result":{"state":"unprovisioned","keyFile":"{{{keyFileJson}}}"}}"""
                        : $$$"""{"ok":false,"error":"the unit is not provisioned: run 'gatectl provision' (no device key at {{{keyFileJson}}})"}""";
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\n"), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
                {
                    // The client went away or the service stops.
                }
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reported when binding.
        }
    }
}
