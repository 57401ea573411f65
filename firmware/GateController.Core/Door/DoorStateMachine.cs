namespace GateController.Core.Door;

/// <summary>
/// The door's state machine: pure logic driven by a <see cref="TimeProvider"/>, no I/O.
/// Inputs are method calls (a grant, the exit button, the door contact, the fire alarm, tamper, an operator's
/// manual release); timeouts run on the provider's timers. Outputs are the desired <see cref="Outputs"/>
/// (relay, LEDs, buzzer) and <see cref="DoorEvent"/>s.
/// </summary>
/// <remarks>
/// <para>Thread-safe: inputs may arrive from GPIO callbacks and timers on different threads. Handlers of
/// <see cref="OutputsChanged"/> and <see cref="EventRaised"/> run under the machine's lock, in order, so the
/// last outputs a handler saw are always the current ones. They must be quick, must not throw and must not
/// call back into the machine (doing so throws <see cref="InvalidOperationException"/>).</para>
/// <para>At construction the door is locked, its contact closed, and the fire-alarm and tamper inputs
/// inactive; the caller reports the real inputs right after. A door reported open while locked is forced.</para>
/// </remarks>
public sealed class DoorStateMachine : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _pulseDuration;
    private readonly TimeSpan _heldOpenThreshold;
    private readonly TimeSpan _feedbackDuration;
    private readonly TimeSpan _manualReleaseLimit;
    private readonly LockType _lockType;
    private readonly bool _relockOnClose;
    private readonly Lock _gate = new();
    private readonly List<DoorEvent> _pending = new(4);
    private readonly ITimer _relockTimer;
    private readonly ITimer _heldOpenTimer;
    private readonly ITimer _feedbackTimer;

    private DoorLockState _state = DoorLockState.Locked;
    private DateTimeOffset _relockAt;
    private bool _doorOpen;
    private bool _fireAlarm;
    private bool _tamper;
    private bool _heldOpen;
    private bool _forced;
    private bool _heldOpenArmed;
    private DateTimeOffset _heldOpenAt;
    private BuzzerPattern _feedback = BuzzerPattern.None;
    private DateTimeOffset _feedbackUntil;
    private DoorOutputs _outputs;
    private bool _dispatching;
    private bool _disposed;

    /// <summary>Creates a locked door.</summary>
    /// <param name="options">The door's settings; they are validated and copied.</param>
    /// <param name="timeProvider">The clock and timers every timeout runs on.</param>
    /// <exception cref="ArgumentException">The options have problems; the message lists every one.</exception>
    public DoorStateMachine(DoorOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid door options: " + string.Join("; ", problems), nameof(options));
        }

        _time = timeProvider;
        _pulseDuration = options.PulseDuration;
        _heldOpenThreshold = options.HeldOpenThreshold;
        _feedbackDuration = options.FeedbackDuration;
        _manualReleaseLimit = options.ManualReleaseLimit;
        _lockType = options.LockType;
        _relockOnClose = options.RelockOnClose;
        _relockTimer = timeProvider.CreateTimer(static s => ((DoorStateMachine)s!).OnRelockTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _heldOpenTimer = timeProvider.CreateTimer(static s => ((DoorStateMachine)s!).OnHeldOpenTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _feedbackTimer = timeProvider.CreateTimer(static s => ((DoorStateMachine)s!).OnFeedbackTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _outputs = ComputeOutputs();
    }

    /// <summary>Raised, under the machine's lock, after every change of <see cref="Outputs"/>.</summary>
    public event EventHandler<DoorOutputs>? OutputsChanged;

    /// <summary>Raised, under the machine's lock, for every door event, in the order they happened.</summary>
    public event EventHandler<DoorEvent>? EventRaised;

    /// <summary>The desired relay, LED and buzzer state now.</summary>
    public DoorOutputs Outputs
    {
        get
        {
            lock (_gate)
            {
                return _outputs;
            }
        }
    }

    /// <summary>Whether the door is locked and, if not, why.</summary>
    public DoorLockState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Whether the door contact last reported the door open.</summary>
    public bool IsDoorOpen => Read(static m => m._doorOpen);

    /// <summary>Whether the fire-alarm input is active.</summary>
    public bool IsFireAlarmActive => Read(static m => m._fireAlarm);

    /// <summary>Whether the tamper input is active.</summary>
    public bool IsTamperActive => Read(static m => m._tamper);

    /// <summary>Whether the held-open alarm is active (until the door closes).</summary>
    public bool IsHeldOpen => Read(static m => m._heldOpen);

    /// <summary>Whether the forced-door alarm is active (until the door closes).</summary>
    public bool IsForced => Read(static m => m._forced);

    /// <summary>
    /// An access decision granted entry: unlocks for the pulse (or restarts a running pulse) and plays the
    /// granted pattern. During a manual or fire release the door stays released and only the pattern plays.
    /// </summary>
    public void Grant()
    {
        lock (_gate)
        {
            var now = Enter();
            StartFeedback(BuzzerPattern.Granted, now);
            Unlock(DoorEventCause.Grant, now);
            Publish(now);
        }
    }

    /// <summary>An access decision denied entry: plays the denied pattern; the lock is unchanged.</summary>
    public void Deny()
    {
        lock (_gate)
        {
            var now = Enter();
            StartFeedback(BuzzerPattern.Denied, now);
            Publish(now);
        }
    }

    /// <summary>A credential or the keypad is locked out: plays the locked-out pattern; the lock is unchanged.</summary>
    public void SignalLockedOut()
    {
        lock (_gate)
        {
            var now = Enter();
            StartFeedback(BuzzerPattern.LockedOut, now);
            Publish(now);
        }
    }

    /// <summary>The request-to-exit button was pressed: unlocks for the pulse (or restarts a running pulse).</summary>
    public void ExitButtonPressed()
    {
        lock (_gate)
        {
            var now = Enter();
            Unlock(DoorEventCause.ExitButton, now);
            Publish(now);
        }
    }

    /// <summary>
    /// The door contact changed. Opening while locked raises <see cref="DoorEventKind.Forced"/>; closing ends
    /// the held-open and forced alarms and, with <see cref="DoorOptions.RelockOnClose"/>, ends the pulse.
    /// Reporting the state it already has does nothing.
    /// </summary>
    /// <param name="open">Whether the door is now open.</param>
    public void DoorContactChanged(bool open)
    {
        lock (_gate)
        {
            var now = Enter();
            if (open == _doorOpen)
            {
                return;
            }

            _doorOpen = open;
            if (open)
            {
                Raise(DoorEventKind.Opened, now);
                if (_state == DoorLockState.Locked)
                {
                    _forced = true;
                    Raise(DoorEventKind.Forced, now);
                }
            }
            else
            {
                _heldOpen = false;
                _forced = false;
                Raise(DoorEventKind.Closed, now);
                if (_state == DoorLockState.Unlocked && _relockOnClose)
                {
                    Relock(DoorEventCause.DoorClosed, now);
                }
            }

            Publish(now);
        }
    }

    /// <summary>
    /// The fire-alarm input changed. While active the door is released whatever else happens
    /// (GB 55024-2022 §5.3.6); when it clears the door relocks.
    /// </summary>
    /// <param name="active">Whether the fire alarm is now active.</param>
    public void FireAlarmChanged(bool active)
    {
        lock (_gate)
        {
            var now = Enter();
            if (active == _fireAlarm)
            {
                return;
            }

            _fireAlarm = active;
            if (active)
            {
                _state = DoorLockState.FireRelease;
                _heldOpen = false;
                Raise(DoorEventKind.FireReleaseStarted, now);
            }
            else
            {
                Raise(DoorEventKind.FireReleaseEnded, now);
                Relock(DoorEventCause.FireAlarmCleared, now);
            }

            Publish(now);
        }
    }

    /// <summary>The tamper input changed: active raises <see cref="DoorEventKind.Tamper"/> and the alarm pattern.</summary>
    /// <param name="active">Whether the enclosure is now tampered with.</param>
    public void TamperChanged(bool active)
    {
        lock (_gate)
        {
            var now = Enter();
            if (active == _tamper)
            {
                return;
            }

            _tamper = active;
            Raise(active ? DoorEventKind.Tamper : DoorEventKind.TamperCleared, now);
            Publish(now);
        }
    }

    /// <summary>
    /// An operator releases the door for <paramref name="duration"/>; the caller records who did it in the audit log.
    /// A grant or the exit button during the release does not shorten it.
    /// </summary>
    /// <param name="duration">How long to release, more than zero and at most <see cref="DoorOptions.ManualReleaseLimit"/>.</param>
    /// <returns>False if the fire alarm already holds the door released (nothing changes); true otherwise.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive or exceeds the limit.</exception>
    public bool ManualRelease(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration > _manualReleaseLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"a manual release must last more than zero and at most {_manualReleaseLimit}");
        }

        lock (_gate)
        {
            var now = Enter();
            if (_state == DoorLockState.FireRelease)
            {
                return false;
            }

            _state = DoorLockState.ManualRelease;
            _relockAt = now + duration;
            _heldOpen = false;
            Raise(DoorEventKind.ManualRelease, now, DoorEventCause.None, duration);
            Publish(now);
            return true;
        }
    }

    /// <summary>An operator relocks the door at once, ending a pulse or a manual release.</summary>
    /// <returns>False if the door was already locked or the fire alarm holds it released (nothing changes).</returns>
    public bool RelockNow()
    {
        lock (_gate)
        {
            var now = Enter();
            if (_state is DoorLockState.Locked or DoorLockState.FireRelease)
            {
                return false;
            }

            Relock(DoorEventCause.OperatorRelock, now);
            Publish(now);
            return true;
        }
    }

    /// <summary>Stops the timers; later inputs throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _relockTimer.Dispose();
        _heldOpenTimer.Dispose();
        _feedbackTimer.Dispose();
    }

    private bool Read(Func<DoorStateMachine, bool> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    private DateTimeOffset Enter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dispatching)
        {
            throw new InvalidOperationException("a door output or event handler must not call back into the door state machine");
        }

        return _time.GetUtcNow();
    }

    private void Unlock(DoorEventCause cause, DateTimeOffset now)
    {
        switch (_state)
        {
            case DoorLockState.Locked:
                _state = DoorLockState.Unlocked;
                _relockAt = now + _pulseDuration;
                Raise(DoorEventKind.Unlocked, now, cause, _pulseDuration);
                break;
            case DoorLockState.Unlocked:
                _relockAt = now + _pulseDuration;
                break;
            default:
                // A manual or fire release already holds the door open for longer.
                break;
        }
    }

    private void Relock(DoorEventCause cause, DateTimeOffset now)
    {
        _state = DoorLockState.Locked;
        Raise(DoorEventKind.Relocked, now, cause);
    }

    private void StartFeedback(BuzzerPattern pattern, DateTimeOffset now)
    {
        _feedback = pattern;
        _feedbackUntil = now + _feedbackDuration;
    }

    private void Raise(DoorEventKind kind, DateTimeOffset now, DoorEventCause cause = DoorEventCause.None, TimeSpan duration = default) =>
        _pending.Add(new DoorEvent(kind, now, cause, duration));

    private void OnRelockTimer()
    {
        lock (_gate)
        {
            if (_disposed || _state is not (DoorLockState.Unlocked or DoorLockState.ManualRelease))
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (now < _relockAt)
            {
                _relockTimer.Change(_relockAt - now, Timeout.InfiniteTimeSpan);
                return;
            }

            Relock(_state == DoorLockState.Unlocked ? DoorEventCause.PulseElapsed : DoorEventCause.ManualReleaseElapsed, now);
            Publish(now);
        }
    }

    private void OnHeldOpenTimer()
    {
        lock (_gate)
        {
            if (_disposed || !_heldOpenArmed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (now < _heldOpenAt)
            {
                _heldOpenTimer.Change(_heldOpenAt - now, Timeout.InfiniteTimeSpan);
                return;
            }

            _heldOpenArmed = false;
            _heldOpen = true;
            Raise(DoorEventKind.HeldOpen, now);
            Publish(now);
        }
    }

    private void OnFeedbackTimer()
    {
        lock (_gate)
        {
            if (_disposed || _feedback == BuzzerPattern.None)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (now < _feedbackUntil)
            {
                _feedbackTimer.Change(_feedbackUntil - now, Timeout.InfiniteTimeSpan);
                return;
            }

            _feedback = BuzzerPattern.None;
            Publish(now);
        }
    }

    /// <summary>Re-arms the timers for the new state, then tells the handlers: outputs first, then events.</summary>
    private void Publish(DateTimeOffset now)
    {
        ScheduleTimers(now);
        var outputs = ComputeOutputs();
        var outputsChanged = outputs != _outputs;
        _outputs = outputs;
        _dispatching = true;
        try
        {
            if (outputsChanged)
            {
                OutputsChanged?.Invoke(this, outputs);
            }

            foreach (var doorEvent in _pending)
            {
                EventRaised?.Invoke(this, doorEvent);
            }
        }
        finally
        {
            _pending.Clear();
            _dispatching = false;
        }
    }

    private void ScheduleTimers(DateTimeOffset now)
    {
        // The timers always point at the current deadline; a callback that fires for an old deadline re-checks it.
        _relockTimer.Change(
            _state is DoorLockState.Unlocked or DoorLockState.ManualRelease ? Remaining(_relockAt, now) : Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);

        // The held-open clock runs while the door is open under normal control: not during a manual or fire
        // release, not once forced or already held open. It starts when the door opens or the release ends.
        var heldOpenShouldRun = _doorOpen && !_forced && !_heldOpen && _state is (DoorLockState.Locked or DoorLockState.Unlocked);
        if (heldOpenShouldRun && !_heldOpenArmed)
        {
            _heldOpenArmed = true;
            _heldOpenAt = now + _heldOpenThreshold;
            _heldOpenTimer.Change(_heldOpenThreshold, Timeout.InfiniteTimeSpan);
        }
        else if (!heldOpenShouldRun && _heldOpenArmed)
        {
            _heldOpenArmed = false;
            _heldOpenTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        _feedbackTimer.Change(
            _feedback != BuzzerPattern.None ? Remaining(_feedbackUntil, now) : Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
    }

    private static TimeSpan Remaining(DateTimeOffset deadline, DateTimeOffset now) =>
        deadline > now ? deadline - now : TimeSpan.Zero;

    private DoorOutputs ComputeOutputs()
    {
        var unlocked = _state != DoorLockState.Locked;
        var alarm = _heldOpen || _forced || _tamper;
        var relayEnergised = _lockType == LockType.FailSafe ? !unlocked : unlocked;
        var red = !unlocked || alarm || _feedback is BuzzerPattern.Denied or BuzzerPattern.LockedOut;
        var buzzer = alarm ? BuzzerPattern.Alarm : _feedback;
        return new DoorOutputs(relayEnergised, unlocked, red, buzzer);
    }
}
