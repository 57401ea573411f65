namespace GateController.Telemetry;

/// <summary>
/// An auto-reset wake-up for one waiting loop. <see cref="Set"/> is lock-free, never throws and never blocks:
/// many setters collapse into one wake-up, and the waiter handles everything that arrived before it woke.
/// </summary>
internal sealed class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private int _pending;

    /// <summary>Wakes the waiter (or lets its next wait return at once).</summary>
    public void Set()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (ObjectDisposedException)
            {
                // Shutting down: nobody is waiting any more.
            }
        }
    }

    /// <summary>Waits for a <see cref="Set"/>; only one loop may wait.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        Volatile.Write(ref _pending, 0);
    }

    public void Dispose() => _semaphore.Dispose();
}
