using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Wiegand;

/// <summary>The clock of a <see cref="FakeTimeProvider"/>, but timers fire only when the test calls <see cref="FireAll"/>.</summary>
internal sealed class ManualTimerTimeProvider(FakeTimeProvider clock) : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state);
        _timers.Add(timer);
        return timer;
    }

    public void FireAll()
    {
        foreach (var timer in _timers.ToList())
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => !_disposed;

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
