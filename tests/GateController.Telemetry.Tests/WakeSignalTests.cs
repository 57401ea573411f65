namespace GateController.Telemetry.Tests;

public sealed class WakeSignalTests
{
    [Fact]
    public async Task Set_ManyConcurrentSetters_NoExceptionAndWaiterWakes()
    {
        using var signal = new WakeSignal();
        var exceptions = 0;
        void Handler(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is SemaphoreFullException)
            {
                Interlocked.Increment(ref exceptions);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Handler;
        try
        {
            Parallel.For(0, 100_000, _ => signal.Set());
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Handler;
        }

        await signal.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Volatile.Read(ref exceptions));
    }

    [Fact]
    public async Task WaitAsync_AfterConsumedSet_WaitsForNextSet()
    {
        using var signal = new WakeSignal();
        signal.Set();
        signal.Set();
        await signal.WaitAsync(CancellationToken.None);

        var second = signal.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        signal.Set();
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Set_AfterDispose_DoesNotThrow()
    {
        var signal = new WakeSignal();
        signal.Dispose();

        signal.Set();

        Assert.Throws<ObjectDisposedException>(() => signal.WaitAsync(CancellationToken.None).GetAwaiter().GetResult());
    }
}
