using GateController.Core.Events;

namespace GateController.Core.Access;

/// <summary>
/// Counts wrong PINs and visitor codes per keypad. After <see cref="PinAttemptOptions.MaximumWrongAttempts"/> within
/// <see cref="PinAttemptOptions.AttemptWindow"/> the keypad locks for a back-off that grows with each further lockout,
/// and a <see cref="KeypadLockedOut"/> alarm is returned. A granted duress entry returns a silent <see cref="DuressAlarmRaised"/>.
/// Thread-safe.
/// </summary>
public sealed class PinAttemptTracker
{
    private readonly TimeProvider _timeProvider;
    private readonly PinAttemptOptions _options;
    private readonly Dictionary<string, KeypadState> _keypads = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a tracker; throws <see cref="ArgumentException"/> listing every problem in <paramref name="options"/>.</summary>
    public PinAttemptTracker(TimeProvider timeProvider, PinAttemptOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        _timeProvider = timeProvider;
        _options = options;
    }

    /// <summary>True when <paramref name="keypadId"/> is locked now; pass it to <see cref="CredentialLookup.KeypadLockedOut"/>.</summary>
    public bool IsLockedOut(string keypadId) => LockedUntil(keypadId) is not null;

    /// <summary>When <paramref name="keypadId"/>'s current lockout ends, or null when it is not locked.</summary>
    public DateTimeOffset? LockedUntil(string keypadId)
    {
        ArgumentException.ThrowIfNullOrEmpty(keypadId);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            return _keypads.TryGetValue(keypadId, out var state) && state.LockedUntil > now ? state.LockedUntil : null;
        }
    }

    /// <summary>
    /// Records a decision made on <paramref name="keypadId"/> at <paramref name="doorId"/>. Returns an alarm to raise
    /// (<see cref="KeypadLockedOut"/> or <see cref="DuressAlarmRaised"/>), or null.
    /// </summary>
    public AccessEvent? Record(DoorId doorId, string keypadId, in PresentedCredential presented, in AccessDecision decision)
    {
        ArgumentException.ThrowIfNullOrEmpty(keypadId);
        var now = _timeProvider.GetUtcNow();
        if (decision.IsGranted)
        {
            lock (_gate)
            {
                if (presented.UsesKeypad)
                {
                    _keypads.Remove(keypadId);
                }
            }

            return decision.IsDuress ? new DuressAlarmRaised(doorId, now, decision.ResidentId) : null;
        }

        if (!presented.UsesKeypad || decision.Reason is not (AccessReason.UnknownCredential or AccessReason.SecondFactorWrong))
        {
            return null;
        }

        lock (_gate)
        {
            if (!_keypads.TryGetValue(keypadId, out var state))
            {
                state = new KeypadState();
                _keypads.Add(keypadId, state);
            }

            if (state.LockedUntil > now)
            {
                return null;
            }

            if (state.LastWrongAt is { } last && now - last >= _options.LockoutMemory)
            {
                state.LockoutCount = 0;
            }

            state.LastWrongAt = now;
            while (state.WrongAttempts.Count > 0 && now - state.WrongAttempts.Peek() >= _options.AttemptWindow)
            {
                state.WrongAttempts.Dequeue();
            }

            state.WrongAttempts.Enqueue(now);
            if (state.WrongAttempts.Count < _options.MaximumWrongAttempts)
            {
                return null;
            }

            var attempts = state.WrongAttempts.Count;
            state.WrongAttempts.Clear();
            state.LockedUntil = now + LockoutFor(state.LockoutCount);
            state.LockoutCount++;
            return new KeypadLockedOut(doorId, now, keypadId, attempts, state.LockedUntil);
        }
    }

    private TimeSpan LockoutFor(int previousLockouts)
    {
        var ticks = _options.LockoutDuration.Ticks * Math.Pow(_options.LockoutGrowthFactor, previousLockouts);
        return ticks >= _options.MaximumLockoutDuration.Ticks ? _options.MaximumLockoutDuration : TimeSpan.FromTicks((long)ticks);
    }

    private sealed class KeypadState
    {
        public Queue<DateTimeOffset> WrongAttempts { get; } = new();

        public DateTimeOffset LockedUntil { get; set; }

        public DateTimeOffset? LastWrongAt { get; set; }

        public int LockoutCount { get; set; }
    }
}
