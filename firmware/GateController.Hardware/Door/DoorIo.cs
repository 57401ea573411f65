using GateController.Hardware.Gpio;

namespace GateController.Hardware.Door;

/// <summary>
/// The door's lines for the door state machine: outputs (lock relay, green and red LEDs, buzzer patterns) and
/// debounced inputs (exit button, door contact, fire alarm, tamper). <see cref="Start"/> drives the relay to its
/// de-energised state before anything else — the lock's own fail mode, the same state a crash leaves behind
/// because the relay driver's pull-down holds it off once the kernel releases the line.
/// </summary>
public sealed class DoorIo : IDisposable
{
    private static readonly Dictionary<BuzzerPattern, (bool On, int Milliseconds)[]> Patterns = new()
    {
        [BuzzerPattern.Off] = [],
        [BuzzerPattern.Granted] = [(true, 200)],
        [BuzzerPattern.Denied] = [(true, 100), (false, 100), (true, 100), (false, 100), (true, 100)],
        [BuzzerPattern.Alarm] = [(true, 500), (false, 500)],
        [BuzzerPattern.LockedOut] = [(true, 1500)],
        [BuzzerPattern.Prompt] = [(true, 100), (false, 100), (true, 100)],
        [BuzzerPattern.Confirmed] = [(true, 600), (false, 150), (true, 150)],
    };

    private readonly GpioController _controller;
    private readonly DoorIoOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly Dictionary<DoorInputKind, InputLine> _inputs = [];
    private readonly List<int> _openedPins = [];
    private readonly ITimer _buzzerTimer;
    private int _relayPin = -1;
    private int _greenPin = -1;
    private int _redPin = -1;
    private int _buzzerPin = -1;
    private BuzzerPattern _pattern;
    private int _patternStep;
    private bool _started;

    /// <summary>Creates the door's I/O on <paramref name="controller"/>'s chip; nothing is touched until <see cref="Start"/>.</summary>
    public DoorIo(GpioController controller, DoorIoOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _controller = controller;
        _options = options;
        _timeProvider = timeProvider;
        _buzzerTimer = timeProvider.CreateTimer(_ => NextBuzzerStep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A debounced input changed. Raised on a timer thread; keep handlers short.</summary>
    public event EventHandler<DoorInputChanged>? InputChanged;

    /// <summary>What the lock does without power, as configured.</summary>
    public LockFailMode LockFailMode => _options.LockFailMode;

    /// <summary>True while the lock relay is energised.</summary>
    public bool RelayEnergised { get; private set; }

    /// <summary>True while the door is released (derived from the relay and <see cref="DoorIoOptions.LockFailMode"/>).</summary>
    public bool LockReleased => RelayEnergised == (_options.LockFailMode == LockFailMode.FailSecure);

    /// <summary>True while the green LED is on.</summary>
    public bool GreenLedOn { get; private set; }

    /// <summary>True while the red LED is on.</summary>
    public bool RedLedOn { get; private set; }

    /// <summary>The pattern the buzzer is playing.</summary>
    public BuzzerPattern BuzzerPattern
    {
        get
        {
            lock (_lock)
            {
                return _pattern;
            }
        }
    }

    /// <summary>Debounced: the exit button is pressed.</summary>
    public bool ExitButtonPressed => IsActive(DoorInputKind.ExitButton);

    /// <summary>Debounced: the door contact reports the door open.</summary>
    public bool DoorOpen => IsActive(DoorInputKind.DoorContact);

    /// <summary>Debounced: the fire alarm is active.</summary>
    public bool FireAlarmActive => IsActive(DoorInputKind.FireAlarm);

    /// <summary>Debounced: the enclosure is open.</summary>
    public bool TamperActive => IsActive(DoorInputKind.Tamper);

    /// <summary>
    /// Checks the options against the chip, drives the relay de-energised, turns LEDs and buzzer off and reads the inputs.
    /// Throws <see cref="ArgumentException"/> listing every configuration problem, or <see cref="IOException"/> naming the
    /// setting and line when a line cannot be taken (for example, held by another process).
    /// </summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_started)
            {
                throw new InvalidOperationException("the door I/O is already started");
            }

            var problems = _options.Validate(_controller);
            if (problems.Count > 0)
            {
                throw new ArgumentException("door configuration: " + string.Join("; ", problems), "options");
            }

            try
            {
                _relayPin = OpenOutput(nameof(DoorIoOptions.Relay), _options.Relay);
                _greenPin = OpenOutput(nameof(DoorIoOptions.GreenLed), _options.GreenLed);
                _redPin = OpenOutput(nameof(DoorIoOptions.RedLed), _options.RedLed);
                _buzzerPin = OpenOutput(nameof(DoorIoOptions.Buzzer), _options.Buzzer);
                OpenInput(DoorInputKind.ExitButton, nameof(DoorIoOptions.ExitButton), _options.ExitButton);
                OpenInput(DoorInputKind.DoorContact, nameof(DoorIoOptions.DoorContact), _options.DoorContact);
                OpenInput(DoorInputKind.FireAlarm, nameof(DoorIoOptions.FireAlarm), _options.FireAlarm);
                OpenInput(DoorInputKind.Tamper, nameof(DoorIoOptions.Tamper), _options.Tamper);
            }
            catch
            {
                CloseAll();
                throw;
            }

            _started = true;
        }
    }

    /// <summary>Energises or de-energises the lock relay.</summary>
    public void SetRelayEnergised(bool energised)
    {
        RequireStarted();
        Drive(_relayPin, _options.Relay, energised);
        RelayEnergised = energised;
    }

    /// <summary>Releases or secures the door, whichever relay state that means for the lock's fail mode.</summary>
    public void SetLockReleased(bool released) =>
        SetRelayEnergised(released == (_options.LockFailMode == LockFailMode.FailSecure));

    /// <summary>Turns the green LED on or off.</summary>
    public void SetGreenLed(bool on)
    {
        RequireStarted();
        Drive(_greenPin, _options.GreenLed, on);
        GreenLedOn = on;
    }

    /// <summary>Turns the red LED on or off.</summary>
    public void SetRedLed(bool on)
    {
        RequireStarted();
        Drive(_redPin, _options.RedLed, on);
        RedLedOn = on;
    }

    /// <summary>Plays a pattern, replacing whatever was playing.</summary>
    public void PlayBuzzer(BuzzerPattern pattern)
    {
        if (!Patterns.ContainsKey(pattern))
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "unknown buzzer pattern");
        }

        RequireStarted();
        lock (_lock)
        {
            _pattern = pattern;
            _patternStep = -1;
        }

        NextBuzzerStep();
    }

    /// <summary>De-energises the relay, silences everything and releases the lines.</summary>
    public void Dispose()
    {
        _buzzerTimer.Dispose();
        lock (_lock)
        {
            if (_started && _relayPin >= 0)
            {
                Drive(_relayPin, _options.Relay, false);
                RelayEnergised = false;
            }

            CloseAll();
            _started = false;
        }
    }

    private bool IsActive(DoorInputKind kind)
    {
        lock (_lock)
        {
            return _inputs.TryGetValue(kind, out var input) && input.IsActive;
        }
    }

    private void RequireStarted()
    {
        if (!_started)
        {
            throw new InvalidOperationException("the door I/O is not started");
        }
    }

    private int Resolve(string setting, string line)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        return DoorIoOptions.TryResolve(line, _controller, names, out var offset, out var error)
            ? offset
            : throw new ArgumentException($"{setting}: {error}");
    }

    private int OpenOutput(string setting, DoorOutputLineOptions options)
    {
        if (string.IsNullOrEmpty(options.Line))
        {
            return -1;
        }

        var pin = Resolve(setting, options.Line);
        Open(setting, options.Line, pin, PinMode.Output, Level(options, on: false));
        return pin;
    }

    private void OpenInput(DoorInputKind kind, string setting, DoorInputLineOptions options)
    {
        if (string.IsNullOrEmpty(options.Line))
        {
            return;
        }

        var pin = Resolve(setting, options.Line);
        Open(setting, options.Line, pin, options.Bias, PinValue.Low);
        var input = new InputLine(kind, pin, options, TimeSpan.FromMilliseconds(options.DebounceMilliseconds));
        input.IsActive = _controller.Read(pin).IsHigh != options.ActiveLow;
        input.Timer = _timeProvider.CreateTimer(_ => Settle(input), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        input.Callback = (_, _) => input.Timer.Change(input.Debounce, Timeout.InfiniteTimeSpan);
        _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, input.Callback);
        _inputs[kind] = input;
    }

    private void Open(string setting, string line, int pin, PinMode mode, PinValue initial)
    {
        try
        {
            _controller.OpenPin(pin, mode, initial);
            _openedPins.Add(pin);
        }
        catch (IOException fault)
        {
            throw new IOException($"door {setting} (line {line}): {fault.Message}", fault) { HResult = fault.HResult };
        }
    }

    private void Settle(InputLine input)
    {
        DoorInputChanged? change = null;
        lock (_lock)
        {
            if (!_started || !_controller.IsPinOpen(input.Pin))
            {
                return;
            }

            var active = _controller.Read(input.Pin).IsHigh != input.Options.ActiveLow;
            if (active != input.IsActive)
            {
                input.IsActive = active;
                change = new DoorInputChanged(input.Kind, active, _timeProvider.GetUtcNow());
            }
        }

        if (change is not null)
        {
            InputChanged?.Invoke(this, change);
        }
    }

    private void NextBuzzerStep()
    {
        lock (_lock)
        {
            if (!_started || _buzzerPin < 0)
            {
                return;
            }

            var steps = Patterns[_pattern];
            _patternStep++;
            if (_pattern == BuzzerPattern.Alarm)
            {
                _patternStep %= steps.Length;
            }

            if (_patternStep >= steps.Length)
            {
                Drive(_buzzerPin, _options.Buzzer, false);
                _pattern = BuzzerPattern.Off;
                _buzzerTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return;
            }

            var (on, milliseconds) = steps[_patternStep];
            Drive(_buzzerPin, _options.Buzzer, on);
            _buzzerTimer.Change(TimeSpan.FromMilliseconds(milliseconds), Timeout.InfiniteTimeSpan);
        }
    }

    private void Drive(int pin, DoorOutputLineOptions options, bool on)
    {
        if (pin >= 0)
        {
            _controller.Write(pin, Level(options, on));
        }
    }

    private static PinValue Level(DoorOutputLineOptions options, bool on) => on != options.ActiveLow;

    private void CloseAll()
    {
        foreach (var input in _inputs.Values)
        {
            input.Timer?.Dispose();
        }

        _inputs.Clear();
        foreach (var pin in _openedPins)
        {
            if (_controller.IsPinOpen(pin))
            {
                _controller.ClosePin(pin);
            }
        }

        _openedPins.Clear();
    }

    private sealed class InputLine(DoorInputKind kind, int pin, DoorInputLineOptions options, TimeSpan debounce)
    {
        public DoorInputKind Kind { get; } = kind;

        public int Pin { get; } = pin;

        public DoorInputLineOptions Options { get; } = options;

        public TimeSpan Debounce { get; } = debounce;

        public bool IsActive { get; set; }

        public ITimer? Timer { get; set; }

        public PinChangeEventHandler? Callback { get; set; }
    }
}
