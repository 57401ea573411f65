namespace GateController.Hardware.Readers.Wiegand;

/// <summary>A fixed-size ring of (timestamp, code) edges; never allocates after construction. Not thread-safe on its own.</summary>
internal sealed class WiegandEdgeRing
{
    private readonly long[] _timestampTicks;
    private readonly byte[] _codes;
    private int _head;
    private int _count;

    /// <summary>Creates a ring holding <paramref name="capacity"/> edges.</summary>
    internal WiegandEdgeRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _timestampTicks = new long[capacity];
        _codes = new byte[capacity];
    }

    /// <summary>Edges waiting.</summary>
    internal int Count => _count;

    /// <summary>Appends an edge; false (and nothing stored) when full.</summary>
    internal bool TryAdd(TimeSpan timestamp, int code)
    {
        if (_count == _codes.Length)
        {
            return false;
        }

        var tail = (_head + _count) % _codes.Length;
        _timestampTicks[tail] = timestamp.Ticks;
        _codes[tail] = (byte)code;
        _count++;
        return true;
    }

    /// <summary>Takes the oldest edge.</summary>
    internal bool TryTake(out TimeSpan timestamp, out int code)
    {
        if (_count == 0)
        {
            timestamp = default;
            code = 0;
            return false;
        }

        timestamp = TimeSpan.FromTicks(_timestampTicks[_head]);
        code = _codes[_head];
        _head = (_head + 1) % _codes.Length;
        _count--;
        return true;
    }
}
