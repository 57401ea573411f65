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
/// inactive; the caller reports the real inputs with <see cref="ReportInitialInputs"/> before any other input
/// (a door found open at start-up is not forced, only timed for held-open).</para>
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
    private readonly ITimer _timer;

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
    private bool _processingDeadlines;
    private bool _inputsReported;
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
        _timer = timeProvider.CreateTimer(static s => ((DoorStateMachine)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
    /// Reports the inputs as they are at start-up, before any other input: a fire alarm releases the door, tamper
    /// raises its alarm, and a door found open is not forced — its held-open clock starts now instead.
    /// </summary>
    /// <param name="doorOpen">Whether the door contact reads open.</param>
    /// <param name="fireAlarmActive">Whether the fire-alarm input is active.</param>
    /// <param name="tamperActive">Whether the tamper input is active.</param>
    /// <exception cref="InvalidOperationException">Another input was already reported.</exception>
    public void ReportInitialInputs(bool doorOpen, bool fireAlarmActive, bool tamperActive)
    {
        lock (_gate)
        {
            if (_inputsReported)
            {
                throw new InvalidOperationException("the initial inputs are reported once, before any other input");
            }

            var now = Enter();
            if (fireAlarmActive)
            {
                _fireAlarm = true;
                _state = DoorLockState.FireRelease;
                Raise(DoorEventKind.FireReleaseStarted, now);
            }

            if (tamperActive)
            {
                _tamper = true;
                Raise(DoorEventKind.Tamper, now);
            }

            if (doorOpen)
            {
                _doorOpen = true;
                Raise(DoorEventKind.Opened, now);
            }

            Commit(now);
        }
    }

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
            Commit(now);
        }
    }

    /// <summary>An access decision denied entry: plays the denied pattern; the lock is unchanged.</summary>
    public void Deny()
    {
        lock (_gate)
        {
            var now = Enter();
            StartFeedback(BuzzerPattern.Denied, now);
            Commit(now);
        }
    }

    /// <summary>A credential or the keypad is locked out: plays the locked-out pattern; the lock is unchanged.</summary>
    public void SignalLockedOut()
    {
        lock (_gate)
        {
            var now = Enter();
            StartFeedback(BuzzerPattern.LockedOut, now);
            Commit(now);
        }
    }

    /// <summary>The unit asks for confirmation at the keypad: plays the prompt pattern; the lock is unchanged.</summary>
    public void SignalPrompt()
    {
        lock (_gate)
        {
            var now = Enter();
            StartFeedback(BuzzerPattern.Prompt, now);
            Commit(now);
        }
    }

    /// <summary>A request made at the keypad was carried out: plays the confirmed pattern with the green LED; the lock is unchanged.</summary>
    public void SignalConfirmed()
    {
        lock (_gate)
        {
            var now = Enter();
            StartFeedback(BuzzerPattern.Confirmed, now);
            Commit(now);
        }
    }

    /// <summary>The request-to-exit button was pressed: unlocks for the pulse (or restarts a running pulse).</summary>
    public void ExitButtonPressed()
    {
        lock (_gate)
        {
            var now = Enter();
            Unlock(DoorEventCause.ExitButton, now);
            Commit(now);
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
                ArmTimer();
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

            Commit(now);
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
                ArmTimer();
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

            Commit(now);
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
                ArmTimer();
                return;
            }

            _tamper = active;
            Raise(active ? DoorEventKind.Tamper : DoorEventKind.TamperCleared, now);
            Commit(now);
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
                ArmTimer();
                return false;
            }

            _state = DoorLockState.ManualRelease;
            _relockAt = now + duration;
            _heldOpen = false;
            Raise(DoorEventKind.ManualRelease, now, DoorEventCause.None, duration);
            Commit(now);
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
                ArmTimer();
                return false;
            }

            Relock(DoorEventCause.OperatorRelock, now);
            Commit(now);
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

        _timer.Dispose();
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

        // A deadline that passed while its timer had not fired yet comes first: a door opened just after
        // the pulse ended is forced even if the timer thread is late.
        var now = _time.GetUtcNow();
        _inputsReported = true;
        try
        {
            ProcessDeadlines(now);
        }
        catch
        {
            ArmTimer();
            throw;
        }

        return now;
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

    private void OnTimer()
    {
        lock (_gate)
        {
            // A timer re-armed while handlers run may fire on this same thread; the outer pass handles its deadline.
            if (_disposed || _dispatching || _processingDeadlines)
            {
                return;
            }

            try
            {
                ProcessDeadlines(_time.GetUtcNow());
            }
            finally
            {
                ArmTimer();
            }
        }
    }

    /// <summary>
    /// Handles every deadline due by <paramref name="now"/>, earliest first, each stamped with the moment it
    /// was due, so a late timer (or a test clock that jumps) gives the same story as a punctual one.
    /// </summary>
    private void ProcessDeadlines(DateTimeOffset now)
    {
        _processingDeadlines = true;
        try
        {
            while (TryGetNextDeadline(out var deadline, out var kind) && deadline <= now)
            {
                switch (kind)
                {
                    case DeadlineKind.Relock:
                        Relock(_state == DoorLockState.Unlocked ? DoorEventCause.PulseElapsed : DoorEventCause.ManualReleaseElapsed, deadline);
                        break;
                    case DeadlineKind.HeldOpen:
                        _heldOpenArmed = false;
                        _heldOpen = true;
                        Raise(DoorEventKind.HeldOpen, deadline);
                        break;
                    default:
                        _feedback = BuzzerPattern.None;
                        break;
                }

                Publish(deadline);
            }
        }
        finally
        {
            _processingDeadlines = false;
        }
    }

    private bool TryGetNextDeadline(out DateTimeOffset deadline, out DeadlineKind kind)
    {
        deadline = DateTimeOffset.MaxValue;
        kind = DeadlineKind.None;
        if (_state is DoorLockState.Unlocked or DoorLockState.ManualRelease)
        {
            deadline = _relockAt;
            kind = DeadlineKind.Relock;
        }

        if (_heldOpenArmed && _heldOpenAt < deadline)
        {
            deadline = _heldOpenAt;
            kind = DeadlineKind.HeldOpen;
        }

        if (_feedback != BuzzerPattern.None && _feedbackUntil < deadline)
        {
            deadline = _feedbackUntil;
            kind = DeadlineKind.Feedback;
        }

        return kind != DeadlineKind.None;
    }

    /// <summary>Points the one timer at the next deadline; every deadline before now has been handled.</summary>
    private void ArmTimer()
    {
        if (!TryGetNextDeadline(out var deadline, out _))
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = deadline - _time.GetUtcNow();
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Publishes the change; the timer is re-armed even if a handler throws, so the door still relocks.</summary>
    private void Commit(DateTimeOffset now)
    {
        try
        {
            Publish(now);
        }
        finally
        {
            ArmTimer();
        }
    }

    /// <summary>Updates the held-open clock for the new state, then tells the handlers: outputs first, then events.</summary>
    private void Publish(DateTimeOffset now)
    {
        // The held-open clock runs while the door is open under normal control: not during a manual or fire
        // release, not once forced or already held open. It starts when the door opens or the release ends.
        var heldOpenShouldRun = _doorOpen && !_forced && !_heldOpen && _state is (DoorLockState.Locked or DoorLockState.Unlocked);
        if (heldOpenShouldRun && !_heldOpenArmed)
        {
            _heldOpenArmed = true;
            _heldOpenAt = now + _heldOpenThreshold;
        }
        else if (!heldOpenShouldRun)
        {
            _heldOpenArmed = false;
        }

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

    private DoorOutputs ComputeOutputs()
    {
        var unlocked = _state != DoorLockState.Locked;
        var alarm = _heldOpen || _forced || _tamper;
        var relayEnergised = _lockType == LockType.FailSafe ? !unlocked : unlocked;
        var confirmed = _feedback == BuzzerPattern.Confirmed;
        var red = (!unlocked && !confirmed) || alarm || _feedback is BuzzerPattern.Denied or BuzzerPattern.LockedOut;
        var buzzer = alarm ? BuzzerPattern.Alarm : _feedback;
        return new DoorOutputs(relayEnergised, unlocked || confirmed, red, buzzer);
    }

    private enum DeadlineKind
    {
        None,
        Relock,
        HeldOpen,
        Feedback,
    }
}
