namespace GateController.Storage.Retention;

/// <summary>
/// Applies retention (P9) at start and then every <see cref="GateStoreOptions.RetentionIntervalHours"/>,
/// timed by a <see cref="TimeProvider"/>.
/// </summary>
public sealed class RetentionJob
{
    private readonly IGateStore _store;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;

    /// <summary>Creates the job for a store.</summary>
    public RetentionJob(IGateStore store, GateStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _interval = TimeSpan.FromHours(options.RetentionIntervalHours);
        _time = timeProvider;
    }

    /// <summary>Raised after each pass with what it deleted.</summary>
    public event EventHandler<RetentionReport>? Completed;

    /// <summary>Raised when a pass fails; the job keeps running and tries again next interval.</summary>
    public event EventHandler<StoreException>? Failed;

    /// <summary>Runs one pass now.</summary>
    public RetentionReport RunOnce()
    {
        var report = _store.ApplyRetention();
        Completed?.Invoke(this, report);
        return report;
    }

    /// <summary>Runs a pass now and then once per interval until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            try
            {
                RunOnce();
            }
            catch (StoreException ex)
            {
                Failed?.Invoke(this, ex);
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
