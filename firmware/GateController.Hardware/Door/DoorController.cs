using GateController.Core.Door;
using CoreBuzzerPattern = GateController.Core.Door.BuzzerPattern;

using GateController.Hardware.Gate;

namespace GateController.Hardware.Door;

/// <summary>
/// Runs the core's <see cref="DoorStateMachine"/> on the door's lines: <see cref="DoorIo"/>'s debounced inputs (exit
/// button, door contact, fire alarm, tamper) become the machine's inputs, and the machine's outputs drive the lock
/// relay (the machine already accounts for the lock type; <see cref="DoorIo"/> applies the line's polarity), the LEDs
/// and the buzzer. The controller owns the <see cref="DoorIo"/>: disposing it de-energises the relay and releases
/// every line, so a fail-secure lock is never left released. The machine stays the caller's.
/// </summary>
/// <remarks>
/// The input and output handlers only translate and call through; an exception in either is caught and counted
/// (<see cref="InputFaults"/>, <see cref="OutputFaults"/>) so nothing escapes into the GPIO or timer thread.
/// </remarks>
public sealed class DoorController : IDisposable
{
    private readonly DoorIo _io;
    private readonly DoorStateMachine _machine;
    private readonly Lock _inputLock = new();
    private readonly Lock _outputLock = new();
    private CoreBuzzerPattern _buzzer = CoreBuzzerPattern.None;
    private bool _started;
    private bool _disposed;
    private long _inputFaults;
    private long _outputFaults;

    /// <summary>Joins <paramref name="io"/> (not started yet) to <paramref name="machine"/> (no input reported yet).</summary>
    /// <exception cref="ArgumentException">The lines are configured for the other lock type than the machine's.</exception>
    public DoorController(DoorIo io, DoorStateMachine machine)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(machine);

        // The machine's relay state already carries its lock type: energised while released means fail-secure.
        var machineFailSecure = machine.Outputs.RelayEnergised == (machine.State != DoorLockState.Locked);
        if (machineFailSecure != (io.LockFailMode == LockFailMode.FailSecure))
        {
            throw new ArgumentException(
                $"{nameof(DoorIoOptions)}.{nameof(DoorIoOptions.LockFailMode)} is {io.LockFailMode} but the door's {nameof(DoorOptions)}.{nameof(DoorOptions.LockType)} is {(machineFailSecure ? LockType.FailSecure : LockType.FailSafe)}",
                nameof(io));
        }

        _io = io;
        _machine = machine;
    }

    /// <summary>The state machine the door runs.</summary>
    public DoorStateMachine Machine => _machine;

    /// <summary>The door's lines.</summary>
    public DoorIo Io => _io;

    /// <summary>Exceptions thrown while handing an input change to the machine, caught and counted.</summary>
    public long InputFaults => Interlocked.Read(ref _inputFaults);

    /// <summary>Exceptions thrown while writing the outputs to the lines, caught and counted.</summary>
    public long OutputFaults => Interlocked.Read(ref _outputFaults);

    /// <summary>
    /// Starts the lines (relay de-energised first), reports the inputs as they read now to the machine, then writes the
    /// machine's outputs and follows both from here on. Throws what <see cref="DoorIo.Start"/> throws.
    /// </summary>
    public void Start()
    {
        lock (_inputLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("the door controller is already started");
            }

            _io.InputChanged += OnInputChanged;
            _machine.OutputsChanged += OnOutputsChanged;
            try
            {
                _io.Start();
                _machine.ReportInitialInputs(_io.DoorOpen, _io.FireAlarmActive, _io.TamperActive);
            }
            catch
            {
                _io.InputChanged -= OnInputChanged;
                _machine.OutputsChanged -= OnOutputsChanged;
                _io.Dispose();
                throw;
            }

            _started = true;
            Apply(_machine.Outputs);
        }
    }

    /// <summary>An access decision granted entry.</summary>
    public void Grant() => _machine.Grant();

    /// <summary>An access decision denied entry.</summary>
    public void Deny() => _machine.Deny();

    /// <summary>The credential or keypad is locked out.</summary>
    public void SignalLockedOut() => _machine.SignalLockedOut();

    /// <summary>
    /// Carries out a decision's <paramref name="response"/>: grant, deny, locked out, or the keypad's prompt and
    /// confirmation; <see cref="DoorResponse.None"/> changes nothing.
    /// </summary>
    public void Respond(DoorResponse response)
    {
        switch (response)
        {
            case DoorResponse.Grant:
                Grant();
                break;
            case DoorResponse.Deny:
                Deny();
                break;
            case DoorResponse.LockedOut:
                SignalLockedOut();
                break;
            case DoorResponse.Prompt:
                _machine.SignalPrompt();
                break;
            case DoorResponse.Confirmed:
                _machine.SignalConfirmed();
                break;
        }
    }

    /// <summary>Stops following the machine, de-energises the relay and releases every line.</summary>
    public void Dispose()
    {
        lock (_inputLock)
        {
            lock (_outputLock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _io.InputChanged -= OnInputChanged;
                _machine.OutputsChanged -= OnOutputsChanged;
                _io.Dispose();
            }
        }
    }

    private void OnInputChanged(object? sender, DoorInputChanged change)
    {
        try
        {
            // Serialised with Start, so the initial report always comes first.
            lock (_inputLock)
            {
                if (!_started || _disposed)
                {
                    return;
                }

                switch (change.Input)
                {
                    case DoorInputKind.ExitButton when change.IsActive:
                        _machine.ExitButtonPressed();
                        break;
                    case DoorInputKind.DoorContact:
                        _machine.DoorContactChanged(change.IsActive);
                        break;
                    case DoorInputKind.FireAlarm:
                        _machine.FireAlarmChanged(change.IsActive);
                        break;
                    case DoorInputKind.Tamper:
                        _machine.TamperChanged(change.IsActive);
                        break;
                }
            }
        }
#pragma warning disable CA1031 // A fault must not escape into the GPIO or timer thread.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _inputFaults);
        }
    }

    private void OnOutputsChanged(object? sender, DoorOutputs outputs)
    {
        try
        {
            Apply(outputs);
        }
#pragma warning disable CA1031 // A fault must not escape into the machine's caller.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _outputFaults);
        }
    }

    private void Apply(DoorOutputs outputs)
    {
        lock (_outputLock)
        {
            if (_disposed)
            {
                return;
            }

            // The relay first: it is what the latency budget and the lock's safety are about.
            _io.SetRelayEnergised(outputs.RelayEnergised);
            _io.SetGreenLed(outputs.GreenLed);
            _io.SetRedLed(outputs.RedLed);
            if (outputs.Buzzer != _buzzer)
            {
                _buzzer = outputs.Buzzer;
                _io.PlayBuzzer(ToPattern(outputs.Buzzer));
            }
        }
    }

    private static BuzzerPattern ToPattern(CoreBuzzerPattern pattern) => pattern switch
    {
        CoreBuzzerPattern.Granted => BuzzerPattern.Granted,
        CoreBuzzerPattern.Denied => BuzzerPattern.Denied,
        CoreBuzzerPattern.Alarm => BuzzerPattern.Alarm,
        CoreBuzzerPattern.LockedOut => BuzzerPattern.LockedOut,
        CoreBuzzerPattern.Prompt => BuzzerPattern.Prompt,
        CoreBuzzerPattern.Confirmed => BuzzerPattern.Confirmed,
        _ => BuzzerPattern.Off,
    };
}
