using GateController.Core.Readers;

namespace GateController.Hardware.Readers;

/// <summary>
/// Thread-safe health counters shared by every reader (MFRC522, USB keyboard wedge, matrix keypad,
/// Wiegand); holds no card data. For a reader whose frames show whether it works (the default), a good frame makes it
/// <see cref="ReaderState.Ok"/> and the state is <see cref="ReaderState.Flooding"/> while at least
/// <see cref="FloodRejections"/> of the last <see cref="FloodWindow"/> frames were rejected. A line reader
/// (<see cref="ForLineReader"/>, Wiegand) judges faults and flooding from its lines itself: frames only count, a good
/// frame only ends <see cref="ReaderState.Starting"/>, and the reader passes its flooding verdict to
/// <see cref="Snapshot"/>. Raising the reader's events is <see cref="CredentialReaderBase"/>'s.
/// </summary>
internal sealed class ReaderStatusTracker
{
    internal const int FloodWindow = 16;
    internal const int FloodRejections = 8;

    private readonly object _gate = new();
    private readonly bool[] _recentRejections = new bool[FloodWindow];
    private int _recentIndex;
    private readonly string _readerId;
    private readonly bool _framesDecideState;
    private ReaderState _state;
    private DateTimeOffset? _lastFrameAt;
    private long _goodFrames;
    private long _badFrames;
    private string? _lastError;

    /// <summary>A tracker for <paramref name="readerId"/> whose state starts at <paramref name="initialState"/>.</summary>
    internal ReaderStatusTracker(string readerId, ReaderState initialState = ReaderState.Starting)
        : this(readerId, initialState, framesDecideState: true)
    {
    }

    private ReaderStatusTracker(string readerId, ReaderState initialState, bool framesDecideState)
    {
        _readerId = readerId;
        _state = initialState;
        _framesDecideState = framesDecideState;
    }

    /// <summary>A tracker for a reader that judges faults and flooding from its lines (Wiegand); starts <see cref="ReaderState.Stopped"/>.</summary>
    internal static ReaderStatusTracker ForLineReader(string readerId) => new(readerId, ReaderState.Stopped, framesDecideState: false);

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

    /// <summary>The health now; <paramref name="flooding"/> (a line reader's own verdict) turns Ok or Starting into Flooding.</summary>
    internal ReaderHealth Snapshot(bool flooding = false)
    {
        lock (_gate)
        {
            var state = flooding && (_state is ReaderState.Ok or ReaderState.Starting) ? ReaderState.Flooding : _state;
            return new ReaderHealth(_readerId, state, _lastFrameAt, _goodFrames, _badFrames, _lastError);
        }
    }

    internal void Good(DateTimeOffset at)
    {
        lock (_gate)
        {
            _goodFrames++;
            _lastFrameAt = at;
            if (_framesDecideState)
            {
                Remember(rejected: false);
                _state = WorkingState();
            }
            else if (_state == ReaderState.Starting)
            {
                _state = ReaderState.Ok;
            }
        }
    }

    internal void Rejected(string reason)
    {
        lock (_gate)
        {
            _badFrames++;
            _lastError = reason;
            if (_framesDecideState)
            {
                Remember(rejected: true);
                if (_state != ReaderState.Faulted)
                {
                    _state = WorkingState();
                }
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
}
