namespace GateController.Telemetry.Events;

/// <summary>
/// The bounded outbox between the door path and the broker. <see cref="Enqueue"/> never blocks beyond a
/// short lock and never allocates beyond the queue's own growth; when full, the oldest non-alarm event is
/// dropped first (counted), and an alarm is dropped only when the queue holds nothing but alarms.
/// Events leave in the order they came (by sequence).
/// </summary>
public sealed class TelemetryOutbox
{
    private readonly Lock _lock = new();
    private readonly Queue<QueuedTelemetryEvent> _alarms;
    private readonly Queue<QueuedTelemetryEvent> _others;
    private long _nextSequence = 1;
    private long _droppedEvents;
    private long _droppedAlarms;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> events.</summary>
    public TelemetryOutbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _alarms = new Queue<QueuedTelemetryEvent>(Math.Min(capacity, 1024));
        _others = new Queue<QueuedTelemetryEvent>(Math.Min(capacity, 1024));
    }

    /// <summary>The most events held.</summary>
    public int Capacity { get; }

    /// <summary>Events held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _alarms.Count + _others.Count;
            }
        }
    }

    /// <summary>Non-alarm events dropped (including new ones refused when only alarms were held).</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Alarms dropped because the queue was full of alarms.</summary>
    public long DroppedAlarms => Interlocked.Read(ref _droppedAlarms);

    /// <summary>Adds an event; returns its sequence number, or 0 when it was refused.</summary>
    public long Enqueue(TelemetryEvent telemetryEvent)
    {
        ArgumentNullException.ThrowIfNull(telemetryEvent);
        lock (_lock)
        {
            if (_alarms.Count + _others.Count >= Capacity)
            {
                if (_others.Count > 0)
                {
                    _others.Dequeue();
                    _droppedEvents++;
                }
                else if (telemetryEvent.IsAlarm)
                {
                    _alarms.Dequeue();
                    _droppedAlarms++;
                }
                else
                {
                    _droppedEvents++;
                    return 0;
                }
            }

            var sequence = _nextSequence++;
            (telemetryEvent.IsAlarm ? _alarms : _others).Enqueue(new QueuedTelemetryEvent(sequence, telemetryEvent));
            return sequence;
        }
    }

    /// <summary>The oldest event, left in place.</summary>
    public bool TryPeek(out QueuedTelemetryEvent next)
    {
        lock (_lock)
        {
            var hasAlarm = _alarms.TryPeek(out var alarm);
            var hasOther = _others.TryPeek(out var other);
            if (hasAlarm && (!hasOther || alarm.Sequence < other.Sequence))
            {
                next = alarm;
                return true;
            }

            next = other;
            return hasOther;
        }
    }

    /// <summary>Removes the event with <paramref name="sequence"/> if it is still at the head (it may have been dropped).</summary>
    public void Remove(long sequence)
    {
        lock (_lock)
        {
            if (_alarms.TryPeek(out var alarm) && alarm.Sequence == sequence)
            {
                _alarms.Dequeue();
            }
            else if (_others.TryPeek(out var other) && other.Sequence == sequence)
            {
                _others.Dequeue();
            }
        }
    }
}
