using GateController.Service.Configuration;
using GateController.Storage;
using GateController.Storage.Retention;
using Microsoft.Extensions.Hosting;

namespace GateController.Service.Hosting;

/// <summary>Applies the store's retention rules every interval once the door path is live; a failed pass is reported and tried again.</summary>
public sealed class RetentionService : BackgroundService
{
    private readonly RetentionJob _job;
    private readonly ServiceReadiness _readiness;

    /// <summary>Creates the service.</summary>
    public RetentionService(IGateStore store, GateControllerOptions options, ServiceReadiness readiness, ServiceConsole console, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        _readiness = readiness;
        _job = new RetentionJob(store, options.Store.ToStoreOptions(), timeProvider);
        _job.Failed += (_, ex) => console.Warn($"retention pass failed: {ex.Message}; trying again next interval");
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The first pass runs once the door path is live, never before it.
            await _readiness.DoorPath.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Task.Run(() => _job.RunAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
    }
}
