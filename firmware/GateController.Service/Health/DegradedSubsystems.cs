namespace GateController.Service.Health;

/// <summary>
/// Which subsystems run degraded (face, camera, MQTT, each reader, the store read-only) and their last error, for
/// the admin <c>status</c> command and the health document. Each failure keeps the rest working. Thread-safe.
/// </summary>
public sealed class DegradedSubsystems
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SubsystemState> _states = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty registry on <paramref name="timeProvider"/>'s clock.</summary>
    public DegradedSubsystems(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Raised after a subsystem's state changed.</summary>
    public event EventHandler? Changed;

    /// <summary>Marks <paramref name="name"/> degraded with <paramref name="error"/>.</summary>
    public void MarkDegraded(string name, string error) => Set(name, degraded: true, error);

    /// <summary>Marks <paramref name="name"/> working (its last error is kept for status).</summary>
    public void MarkHealthy(string name) => Set(name, degraded: false, null);

    /// <summary>Whether <paramref name="name"/> is degraded now.</summary>
    public bool IsDegraded(string name)
    {
        lock (_gate)
        {
            return _states.TryGetValue(name, out var state) && state.Degraded;
        }
    }

    /// <summary>Every subsystem known, by name.</summary>
    public IReadOnlyList<SubsystemState> Snapshot()
    {
        lock (_gate)
        {
            return [.. _states.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    private void Set(string name, bool degraded, string? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        bool changed;
        lock (_gate)
        {
            _states.TryGetValue(name, out var previous);
            var lastError = error ?? previous?.LastError;
            changed = previous is null || previous.Degraded != degraded || previous.LastError != lastError;
            if (changed)
            {
                var since = previous is not null && previous.Degraded == degraded ? previous.Since : _timeProvider.GetUtcNow();
                _states[name] = new SubsystemState(name, degraded, lastError, since);
            }
        }

        if (changed)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }
}
