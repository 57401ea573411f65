using GateController.Telemetry.Events;

namespace GateController.Telemetry.Tests.Events;

public sealed class TelemetryOutboxTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static TelemetryEvent Access() => new(TelemetryEventKind.AccessGranted, At, "front");

    private static TelemetryEvent Alarm() => new(TelemetryEventKind.DoorForced, At, "front");

    [Fact]
    public void TryPeek_MixedEvents_ComeOutInEnqueueOrder()
    {
        var outbox = new TelemetryOutbox(10);
        var kinds = new[] { Access(), Alarm(), Access(), Alarm() };
        foreach (var item in kinds)
        {
            outbox.Enqueue(item);
        }

        var order = new List<long>();
        while (outbox.TryPeek(out var next))
        {
            order.Add(next.Sequence);
            outbox.Remove(next.Sequence);
        }

        Assert.Equal([1, 2, 3, 4], order);
    }

    [Theory]
    [InlineData(4, 2, 10, 0, 4, 10)]  // full of mixed: each new non-alarm pushes out an old one, alarms kept
    [InlineData(4, 0, 0, 3, 4, 0)]    // only alarms beyond capacity: the oldest alarms go, counted
    [InlineData(4, 4, 2, 0, 4, 4)]    // two alarms then two non-alarms push out four old non-alarms
    public void Enqueue_BeyondCapacity_DropsOldestNonAlarmFirst(int capacity, int others, int laterOthers, int extraAlarms, int expectedCount, int expectedDroppedEvents)
    {
        var outbox = new TelemetryOutbox(capacity);
        for (var i = 0; i < others; i++)
        {
            outbox.Enqueue(Access());
        }

        var alarms = others == 0 ? capacity + extraAlarms : 2;
        for (var i = 0; i < alarms; i++)
        {
            outbox.Enqueue(Alarm());
        }

        for (var i = 0; i < laterOthers; i++)
        {
            outbox.Enqueue(Access());
        }

        Assert.Equal(expectedCount, outbox.Count);
        Assert.Equal(expectedDroppedEvents, outbox.DroppedEvents);
        Assert.Equal(others == 0 ? extraAlarms : 0, outbox.DroppedAlarms);
    }

    [Fact]
    public void Enqueue_FullOfAlarms_NewNonAlarmRefusedAndCounted()
    {
        var outbox = new TelemetryOutbox(2);
        outbox.Enqueue(Alarm());
        outbox.Enqueue(Alarm());

        var sequence = outbox.Enqueue(Access());

        Assert.Equal(0, sequence);
        Assert.Equal(1, outbox.DroppedEvents);
        Assert.Equal(0, outbox.DroppedAlarms);
        Assert.Equal(2, outbox.Count);
    }

    [Fact]
    public void Remove_PeekedEventDroppedMeanwhile_LeavesNewHeadInPlace()
    {
        var outbox = new TelemetryOutbox(2);
        outbox.Enqueue(Access());
        outbox.Enqueue(Access());
        outbox.TryPeek(out var peeked);
        outbox.Enqueue(Access()); // drops the peeked one

        outbox.Remove(peeked.Sequence);

        Assert.Equal(2, outbox.Count);
        Assert.True(outbox.TryPeek(out var head));
        Assert.Equal(2, head.Sequence);
    }

    [Fact]
    public void Enqueue_AlarmUnderPressure_NeverLostWhileNonAlarmsRemain()
    {
        var outbox = new TelemetryOutbox(100);
        for (var i = 0; i < 10_000; i++)
        {
            outbox.Enqueue(i % 100 == 0 ? Alarm() : Access());
        }

        var alarms = 0;
        while (outbox.TryPeek(out var next))
        {
            alarms += next.Event.IsAlarm ? 1 : 0;
            outbox.Remove(next.Sequence);
        }

        Assert.Equal(100, alarms);
        Assert.Equal(0, outbox.DroppedAlarms);
    }
}
