using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace GateController.Service.Hosting;

/// <summary>
/// Reloads the configuration on SIGHUP (systemd's <c>ExecReload</c>): the result, with every problem or the settings
/// that need a restart, goes to the console (journald) and the audit log. Signals arriving during a reload are merged.
/// </summary>
public sealed class ReloadSignalService : BackgroundService
{
    private readonly ConfigurationReloader _reloader;
    private readonly ServiceConsole _console;
    private PosixSignalRegistration? _registration;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Creates the service.</summary>
    public ReloadSignalService(ConfigurationReloader reloader, ServiceConsole console)
    {
        ArgumentNullException.ThrowIfNull(reloader);
        ArgumentNullException.ThrowIfNull(console);
        _reloader = reloader;
        _console = console;
    }

    /// <summary>Asks for a reload, as SIGHUP does.</summary>
    public void RequestReload() => _requests.Writer.TryWrite(true);

    /// <summary>Takes SIGHUP over at once (its default would end the process), then starts the reload loop.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _registration ??= PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            RequestReload();
        });
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _registration?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                ConfigurationReloadResult result;
                try
                {
                    result = await Task.Run(() => _reloader.Reload("SIGHUP"), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is Storage.StoreException or IOException)
                {
                    _console.Warn($"reload failed: {exception.Message}");
                    continue;
                }

                if (result.IsValid)
                {
                    _console.Say(result.Describe());
                }
                else
                {
                    _console.Warn(result.Describe());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
