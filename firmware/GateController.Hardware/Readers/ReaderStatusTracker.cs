using GateController.Core.Readers;

namespace GateController.Hardware.Readers;

/// <summary>
/// Thread-safe health counters and event raising shared by the MFRC522, USB keyboard-wedge and matrix keypad readers;
/// holds no card data. The state is <see cref="ReaderState.Flooding"/> while at least <see cref="FloodRejections"/> of
/// the last <see cref="FloodWindow"/> frames were rejected. Handler exceptions are caught and counted in
/// <see cref="HandlerFaults"/> so a subscriber can never stop a reader loop.
/// </summary>
internal sealed class ReaderStatusTracker
{
    internal const int FloodWindow = 16;
    internal const int FloodRejections = 8;

    private readonly object _gate = new();
    private readonly bool[] _recentRejections = new bool[FloodWindow];
    private int _recentIndex;
    private readonly string _readerId;
    private ReaderState _state;
    private DateTimeOffset? _lastFrameAt;
    private long _goodFrames;
    private long _badFrames;
    private string? _lastError;
    private long _handlerFaults;

    /// <summary>A tracker for <paramref name="readerId"/> whose state starts at <paramref name="initialState"/>.</summary>
    internal ReaderStatusTracker(string readerId, ReaderState initialState = ReaderState.Starting)
    {
        _readerId = readerId;
        _state = initialState;
    }

    /// <summary>Exceptions thrown by event handlers, caught and counted.</summary>
    internal long HandlerFaults
    {
        get
        {
            lock (_gate)
            {
                return _handlerFaults;
            }
        }
    }

    /// <summary>The current state (<see cref="ReaderState.Flooding"/> included).</summary>
    internal ReaderState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    internal ReaderHealth Snapshot()
    {
        lock (_gate)
        {
            return new ReaderHealth(_readerId, _state, _lastFrameAt, _goodFrames, _badFrames, _lastError);
        }
    }

    internal void Good(DateTimeOffset at)
    {
        lock (_gate)
        {
            _goodFrames++;
            _lastFrameAt = at;
            Remember(rejected: false);
            _state = WorkingState();
        }
    }

    internal void Rejected(string reason)
    {
        lock (_gate)
        {
            _badFrames++;
            _lastError = reason;
            Remember(rejected: true);
            if (_state != ReaderState.Faulted)
            {
                _state = WorkingState();
            }
        }
    }

    internal void Fault(string error)
    {
        lock (_gate)
        {
            _state = ReaderState.Faulted;
            _lastError = error;
        }
    }

    internal void Working()
    {
        lock (_gate)
        {
            _state = WorkingState();
        }
    }

    internal void Starting()
    {
        lock (_gate)
        {
            _state = ReaderState.Starting;
        }
    }

    internal void Stopped()
    {
        lock (_gate)
        {
            _state = ReaderState.Stopped;
        }
    }

    private void Remember(bool rejected)
    {
        _recentRejections[_recentIndex] = rejected;
        _recentIndex = (_recentIndex + 1) % FloodWindow;
    }

    private ReaderState WorkingState() =>
        _recentRejections.Count(r => r) >= FloodRejections ? ReaderState.Flooding : ReaderState.Ok;

    internal void Raise<T>(EventHandler<T>? handler, object sender, T argument)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(sender, argument);
        }
#pragma warning disable CA1031 // A handler's exception must not stop the reader loop (ICredentialReader contract).
        catch (Exception)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _handlerFaults++;
            }
        }
    }
}
