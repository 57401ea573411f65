using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Service.Boards;
using GateController.Service.DoorPath;
using GateController.Simulation.Keypad;
using GateController.Simulation.Mfrc522;
using GateController.Telemetry.Events;

namespace GateController.Service.Simulation;

/// <summary>
/// <see cref="ISimulationControl"/> over the <see cref="SimulatedGateBoard"/> under a live <see cref="GateDoorPath"/>:
/// cards go out as Wiegand edges (or into the emulated MFRC522's field for MIFARE cards), keys as presses on the
/// matrix keypad or 4-bit Wiegand bursts, inputs as levels on the door's lines. Each action waits until the door path
/// decided (or the input was debounced) or the timeout passed, and returns the decisions and door events it caused.
/// One action at a time.
/// </summary>
public sealed class SimulatedGateControl : ISimulationControl, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly SimulatedGateBoard _board;
    private readonly GateDoorPath _doorPath;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _keyInterval;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lock _gate = new();
    private List<SimulatedDecision>? _decisions;
    private List<string>? _doorEvents;
    private TaskCompletionSource? _decided;

    /// <summary>Controls <paramref name="board"/> under <paramref name="doorPath"/>.</summary>
    /// <param name="board">The simulated board.</param>
    /// <param name="doorPath">The door path running on it.</param>
    /// <param name="keyInterval">The time between two keys (longer than the Wiegand inter-frame gap and the keypad debounce).</param>
    /// <param name="timeProvider">The clock the waits run on.</param>
    public SimulatedGateControl(SimulatedGateBoard board, GateDoorPath doorPath, TimeSpan keyInterval, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(doorPath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keyInterval, TimeSpan.Zero);
        _board = board;
        _doorPath = doorPath;
        _keyInterval = keyInterval;
        _timeProvider = timeProvider;
        _doorPath.Decided += OnDecided;
        _doorPath.DoorEventRaised += OnDoorEvent;
    }

    /// <summary>Shows a photo to the camera; set by the face reader when one runs on the door path.</summary>
    public Func<string?, CancellationToken, Task>? FaceScene { get; set; }

    /// <inheritdoc/>
    public Task<SimulationStepResult> TapCardAsync(CardFormat format, byte[] uid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (format == CardFormat.Mifare && _board.Mfrc522 is { } field)
        {
            var card = new SimulatedIso14443aCard(uid);
            return RunAsync(
                _ =>
                {
                    field.AddCard(card);
                    return Task.CompletedTask;
                },
                waitForDecision: true,
                timeout,
                cancellationToken,
                after: () => field.RemoveCard(card));
        }

        var transmitter = _board.Wiegand ?? throw new InvalidOperationException("no Wiegand reader is configured on the simulated board (Wiegand:Enabled)");
        var (bits, bitCount) = WiegandFrameEncoder.Encode(format, uid);
        return RunAsync(
            _ =>
            {
                transmitter.SendNow(bits, bitCount);
                return Task.CompletedTask;
            },
            waitForDecision: true,
            timeout,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<SimulationStepResult> PressKeysAsync(string keys, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keys);
        foreach (var key in keys)
        {
            if (!char.IsAsciiDigit(key) && key is not ('*' or '#'))
            {
                throw new ArgumentException($"'{key}' is not a key: only 0-9, '*' and '#'", nameof(keys));
            }
        }

        if (_board.Keypad is null && _board.Wiegand is null)
        {
            throw new InvalidOperationException("no keypad is configured on the simulated board (Keypad:Enabled or Wiegand:Enabled)");
        }

        return RunAsync(token => TypeAsync(keys, token), waitForDecision: true, timeout, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<SimulationStepResult> ShowFaceAsync(string? photoPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var scene = FaceScene ?? throw new InvalidOperationException("no face reader runs on this door path (Face and Camera need to be enabled)");
        return RunAsync(token => scene(photoPath, token), waitForDecision: true, timeout, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<SimulationStepResult> SetInputAsync(DoorInputKind input, bool active, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                _board.SetInput(input, active);
                while (InputActive(input) != active)
                {
                    await Task.Delay(PollInterval, _timeProvider, token).ConfigureAwait(false);
                }
            },
            waitForDecision: false,
            timeout,
            cancellationToken);

    /// <inheritdoc/>
    public SimulatedBoardState ReadState()
    {
        var io = _doorPath.Io;
        return new SimulatedBoardState(
            io.LockReleased, io.GreenLedOn, io.RedLedOn, io.BuzzerPattern.ToString(), io.DoorOpen, io.FireAlarmActive, io.TamperActive);
    }

    /// <summary>Stops following the door path.</summary>
    public void Dispose()
    {
        _doorPath.Decided -= OnDecided;
        _doorPath.DoorEventRaised -= OnDoorEvent;
        _oneAtATime.Dispose();
    }

    /// <summary>The method name used in simulation results and scripts.</summary>
    public static string MethodName(AccessMethods method) => method switch
    {
        AccessMethods.Card => "card",
        AccessMethods.Pin => "pin",
        AccessMethods.VisitorCode => "visitor-code",
        AccessMethods.Face => "face",
        AccessMethods.CardAndPin => "card+pin",
        AccessMethods.CardAndFace => "card+face",
        _ => "none",
    };

    private bool InputActive(DoorInputKind input) => input switch
    {
        DoorInputKind.ExitButton => _doorPath.Io.ExitButtonPressed,
        DoorInputKind.DoorContact => _doorPath.Io.DoorOpen,
        DoorInputKind.FireAlarm => _doorPath.Io.FireAlarmActive,
        _ => _doorPath.Io.TamperActive,
    };

    private async Task TypeAsync(string keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            if (_board.Keypad is { } keypad)
            {
                keypad.Press(key);
                await HoldThroughDebounceAsync(keypad, cancellationToken).ConfigureAwait(false);
                keypad.Release();
                await HoldThroughDebounceAsync(keypad, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var code = key switch { '*' => 10UL, '#' => 11UL, _ => (ulong)(key - '0') };
                _board.Wiegand!.SendNow(code, 4);
            }

            await Task.Delay(_keyInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    // Like a finger that stays down (or up) until the keypad has certainly read it, however late its scans run on a
    // busy machine: a scan that began after the change saw it, so the reader's debounce started no later than that;
    // once the debounce has passed, two more scans begun after that mean one whole scan read the key past the debounce.
    private async Task HoldThroughDebounceAsync(SimulatedMatrixKeypad keypad, CancellationToken cancellationToken)
    {
        await WaitForScansAsync(keypad, keypad.Scans + 1, cancellationToken).ConfigureAwait(false);
        await Task.Delay(_keyInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        await WaitForScansAsync(keypad, keypad.Scans + 2, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForScansAsync(SimulatedMatrixKeypad keypad, long scans, CancellationToken cancellationToken)
    {
        while (keypad.Scans < scans)
        {
            await Task.Delay(PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SimulationStepResult> RunAsync(
        Func<CancellationToken, Task> act, bool waitForDecision, TimeSpan timeout, CancellationToken cancellationToken, Action? after = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _decisions = [];
                _doorEvents = [];
                _decided = decided;
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var timer = _timeProvider.CreateTimer(_ => deadline.Cancel(), null, timeout, Timeout.InfiniteTimeSpan);
            try
            {
                await act(deadline.Token).ConfigureAwait(false);
                if (waitForDecision)
                {
                    await decided.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The timeout passed: report what happened so far.
            }
            finally
            {
                after?.Invoke();
            }

            lock (_gate)
            {
                var result = new SimulationStepResult([.. _decisions], [.. _doorEvents], ReadState());
                _decisions = null;
                _doorEvents = null;
                _decided = null;
                return result;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private void OnDecided(object? sender, DoorPathDecision decision)
    {
        var access = decision.Decision.Decision;
        if (access.Reason == AccessReason.FaceNotConsented)
        {
            return; // Not seen (P5).
        }

        lock (_gate)
        {
            _decisions?.Add(new SimulatedDecision(
                MethodName(access.Method), access.IsGranted, TelemetryEventMapper.ReasonCode(access.Reason), access.ResidentId?.ToString()));
            _decided?.TrySetResult();
        }
    }

    private void OnDoorEvent(object? sender, DoorEvent doorEvent)
    {
        lock (_gate)
        {
            _doorEvents?.Add(doorEvent.Kind.ToString());
        }
    }
}
