namespace GateController.Hardware.Readers.Wiegand;

/// <summary>A fixed-size ring of (timestamp, bit) edges; never allocates after construction. Not thread-safe on its own.</summary>
internal sealed class WiegandEdgeRing
{
    private readonly long[] _timestampTicks;
    private readonly byte[] _bits;
    private int _head;
    private int _count;

    /// <summary>Creates a ring holding <paramref name="capacity"/> edges.</summary>
    internal WiegandEdgeRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _timestampTicks = new long[capacity];
        _bits = new byte[capacity];
    }

    /// <summary>Edges waiting.</summary>
    internal int Count => _count;

    /// <summary>Appends an edge; false (and nothing stored) when full.</summary>
    internal bool TryAdd(TimeSpan timestamp, int bit)
    {
        if (_count == _bits.Length)
        {
            return false;
        }

        var tail = (_head + _count) % _bits.Length;
        _timestampTicks[tail] = timestamp.Ticks;
        _bits[tail] = (byte)bit;
        _count++;
        return true;
    }

    /// <summary>Takes the oldest edge.</summary>
    internal bool TryTake(out TimeSpan timestamp, out int bit)
    {
        if (_count == 0)
        {
            timestamp = default;
            bit = 0;
            return false;
        }

        timestamp = TimeSpan.FromTicks(_timestampTicks[_head]);
        bit = _bits[_head];
        _head = (_head + 1) % _bits.Length;
        _count--;
        return true;
    }
}
