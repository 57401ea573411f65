using GateController.Simulation.Time;

namespace GateController.Hardware.Tests.Simulation;

public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Constructor_Start_LocalTimeUsesStartOffset()
    {
        var clock = new ManualTimeProvider(Start);

        Assert.Equal(Start, clock.GetLocalNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void Advance_PastSeveralTimers_FiresInDueOrderWithClockAtDueTime()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([("early", Start.AddSeconds(5)), ("late", Start.AddSeconds(30))], fired);
        Assert.Equal(Start.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresEveryPeriod()
    {
        var clock = new ManualTimeProvider(Start);
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(10.5));

        Assert.Equal(10, count);
    }

    [Fact]
    public void Advance_TimerRearmedFromItsCallback_FiresAgainInSameAdvance()
    {
        var clock = new ManualTimeProvider(Start);
        var times = new List<DateTimeOffset>();
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            times.Add(clock.GetUtcNow());
            timer!.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));
        timer.Dispose();

        Assert.Equal([Start.AddSeconds(2), Start.AddSeconds(4)], times);
    }

    [Fact]
    public void Change_Infinite_CancelsAndDisposeStops()
    {
        var clock = new ManualTimeProvider(Start);
        var count = 0;
        var cancelled = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var disposed = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        cancelled.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, count);
        Assert.False(disposed.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        cancelled.Dispose();
    }

    [Fact]
    public void AdvanceTo_Earlier_Throws()
    {
        var clock = new ManualTimeProvider(Start);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(Start));
    }

    [Fact]
    public void CreateTimer_ZeroDueTime_FiresOnNextAdvance()
    {
        var clock = new ManualTimeProvider(Start);
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.Zero);

        Assert.Equal(1, count);
    }
}
