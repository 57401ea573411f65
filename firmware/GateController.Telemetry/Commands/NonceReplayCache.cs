namespace GateController.Telemetry.Commands;

/// <summary>
/// Remembers the nonces of accepted commands until their timestamp window has passed. Bounded: when full
/// of unexpired nonces, new commands are refused rather than forgetting a nonce (which would allow a replay).
/// </summary>
public sealed class NonceReplayCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _seen;
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> nonces.</summary>
    public NonceReplayCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        _order = new Queue<(string, DateTimeOffset)>();
    }

    /// <summary>The most nonces held.</summary>
    public int Capacity { get; }

    /// <summary>Nonces held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Records a nonce; returns the refusal reason, or null when it is new and was recorded.</summary>
    public string? TryRecord(string technician, string nonce, DateTimeOffset now, DateTimeOffset expires)
    {
        var key = technician + "\n" + nonce;
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && oldest.Expires <= now)
            {
                _order.Dequeue();
                _seen.Remove(oldest.Key);
            }

            if (_seen.ContainsKey(key))
            {
                return "replayed nonce";
            }

            if (_seen.Count >= Capacity)
            {
                return "too many recent commands; retry later";
            }

            _seen.Add(key, expires);
            _order.Enqueue((key, expires));
            return null;
        }
    }
}
