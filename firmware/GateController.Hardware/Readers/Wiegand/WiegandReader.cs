using GateController.Core.Readers;
using GateController.Hardware.Gpio;

namespace GateController.Hardware.Readers.Wiegand;

/// <summary>
/// A Wiegand card reader or keypad on two GPIO lines. The pin callbacks only append (kernel timestamp, bit) to a
/// ring; a <see cref="TimeProvider"/> timer drains it, splits frames where the edge timestamps show a gap of at
/// least <see cref="WiegandReaderOptions.InterFrameGapMilliseconds"/>, and closes the last frame once the lines
/// have been quiet that long. Card frames become <see cref="CredentialPresented"/>, key bursts <see cref="KeyPressed"/>,
/// and anything else a counted <see cref="FrameRejected"/> — never a card.
/// </summary>
public sealed class WiegandReader : ICredentialReader, IDisposable
{
    private static readonly TimeSpan FloodWindow = TimeSpan.FromSeconds(1);

    private readonly GpioController _controller;
    private readonly WiegandReaderOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _gap;
    private readonly WiegandEdgeRing _ring;
    private readonly Lock _ringLock = new();
    private readonly Lock _frameLock = new();
    private readonly ITimer _timer;
    private readonly long[] _rejections = new long[Enum.GetValues<WiegandRejection>().Length];
    private readonly PinChangeEventHandler _onData0;
    private readonly PinChangeEventHandler _onData1;

    private readonly int _drainThreshold;
    private bool _timerArmed;
    private long _droppedEdges;
    private long _droppedSinceDrain;

    private ulong _frameBits;
    private int _frameBitCount;
    private bool _frameOverrun;
    private TimeSpan _lastEdge;

    private TimeSpan _windowStart;
    private int _windowEdges;
    private int _windowRejections;
    private bool _flooding;

    private ReaderState _state = ReaderState.Stopped;
    private bool _stuckLow;
    private DateTimeOffset? _lastFrameAt;
    private long _goodFrames;
    private long _badFrames;
    private long _edges;
    private long _handlerFaults;
    private string? _lastError;

    /// <summary>Creates a reader named <paramref name="readerId"/> on <paramref name="controller"/>'s lines.</summary>
    public WiegandReader(string readerId, GpioController controller, WiegandReaderOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Wiegand reader '{readerId}': {string.Join("; ", problems)}", nameof(options));
        }

        ReaderId = readerId;
        _controller = controller;
        _options = options;
        _timeProvider = timeProvider;
        _gap = TimeSpan.FromMilliseconds(options.InterFrameGapMilliseconds);
        _ring = new WiegandEdgeRing(options.EdgeBufferCapacity);
        _drainThreshold = options.EdgeBufferCapacity / 4;
        _timer = timeProvider.CreateTimer(_ => Drain(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _onData0 = (_, e) => OnEdge(e.Timestamp, 0);
        _onData1 = (_, e) => OnEdge(e.Timestamp, 1);
    }

    /// <inheritdoc />
    public event EventHandler<CredentialPresented>? CredentialPresented;

    /// <inheritdoc />
    public event EventHandler<KeyPressed>? KeyPressed;

    /// <inheritdoc />
    public event EventHandler<FrameRejected>? FrameRejected;

    /// <inheritdoc />
    public string ReaderId { get; }

    /// <summary>Edges received on D0 and D1 since start.</summary>
    public long EdgesReceived => Interlocked.Read(ref _edges);

    /// <summary>Edges lost because the ring was full.</summary>
    public long EdgesDropped => Interlocked.Read(ref _droppedEdges);

    /// <summary>Exceptions thrown by event handlers, caught and counted.</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    /// <inheritdoc />
    public ReaderHealth Health
    {
        get
        {
            lock (_frameLock)
            {
                var state = _state;
                if (state is ReaderState.Ok or ReaderState.Starting && IsFlooding())
                {
                    state = ReaderState.Flooding;
                }

                return new ReaderHealth(ReaderId, state, _lastFrameAt, _goodFrames, _badFrames, _lastError);
            }
        }
    }

    /// <summary>Frames rejected for <paramref name="rejection"/>.</summary>
    public long RejectionCount(WiegandRejection rejection)
    {
        lock (_frameLock)
        {
            return _rejections[(int)rejection];
        }
    }

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var retryDelay = TimeSpan.FromMilliseconds(_options.RetryDelayMilliseconds);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Open();
                retryDelay = TimeSpan.FromMilliseconds(_options.RetryDelayMilliseconds);
                await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (IOException fault)
            {
                Close();
                SetState(ReaderState.Faulted, fault.Message);
                try
                {
                    await Task.Delay(retryDelay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, TimeSpan.FromMilliseconds(_options.MaximumRetryDelayMilliseconds).Ticks));
            }
        }

        Close();
        Drain();
        SetState(ReaderState.Stopped, null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        _timer.Dispose();
    }

    private void Open()
    {
        foreach (var (pin, name) in new[] { (_options.Data0Pin, "D0"), (_options.Data1Pin, "D1") })
        {
            if (!_controller.IsPinOpen(pin))
            {
                _controller.OpenPin(pin, _options.LineMode);
            }
        }

        _controller.RegisterCallbackForPinValueChangedEvent(_options.Data0Pin, PinEventTypes.Falling, _onData0);
        _controller.RegisterCallbackForPinValueChangedEvent(_options.Data1Pin, PinEventTypes.Falling, _onData1);
        var stuck = new[] { (_options.Data0Pin, "D0"), (_options.Data1Pin, "D1") }
            .Where(line => !_controller.Read(line.Item1).IsHigh)
            .Select(line => $"{line.Item2} (line {line.Item1} on {_controller.ChipName}) reads low while idle; check the wiring")
            .FirstOrDefault();
        SetState(stuck is null ? ReaderState.Starting : ReaderState.Faulted, stuck);
        lock (_frameLock)
        {
            _stuckLow = stuck is not null;
        }
    }

    private void Close()
    {
        foreach (var pin in new[] { _options.Data0Pin, _options.Data1Pin })
        {
            if (_controller.IsPinOpen(pin))
            {
                _controller.ClosePin(pin);
            }
        }
    }

    private void SetState(ReaderState state, string? error)
    {
        lock (_frameLock)
        {
            _state = state;
            if (error is not null)
            {
                _lastError = error;
            }
        }
    }

    private void OnEdge(TimeSpan timestamp, int bit)
    {
        Interlocked.Increment(ref _edges);
        var due = Timeout.InfiniteTimeSpan;
        lock (_ringLock)
        {
            if (!_ring.TryAdd(timestamp, bit))
            {
                _droppedEdges++;
                _droppedSinceDrain++;
            }

            if (!_timerArmed)
            {
                _timerArmed = true;
                due = _gap;
            }
            else if (_ring.Count == _drainThreshold)
            {
                // A flood is filling the ring faster than frames close: drain now rather than at the gap.
                due = TimeSpan.Zero;
            }
        }

        if (due != Timeout.InfiniteTimeSpan)
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Drain()
    {
        var events = new List<object>();
        TimeSpan? rearm;
        lock (_frameLock)
        {
            while (true)
            {
                TimeSpan timestamp;
                int bit;
                lock (_ringLock)
                {
                    if (_droppedSinceDrain > 0)
                    {
                        _frameOverrun = true;
                        _droppedSinceDrain = 0;
                    }

                    if (!_ring.TryTake(out timestamp, out bit))
                    {
                        break;
                    }
                }

                Append(timestamp, bit, events);
            }

            var now = _controller.GetEventClockTime();
            if (_frameBitCount > 0 && now - _lastEdge >= _gap)
            {
                CloseFrame(events);
            }

            lock (_ringLock)
            {
                rearm = _ring.Count > 0 ? TimeSpan.FromMilliseconds(1)
                    : _frameBitCount > 0 ? _gap - (now - _lastEdge)
                    : null;
                _timerArmed = rearm is not null;
            }
        }

        if (rearm is { } due)
        {
            _timer.Change(due < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : due, Timeout.InfiniteTimeSpan);
        }

        Raise(events);
    }

    private void Append(TimeSpan timestamp, int bit, List<object> events)
    {
        if (_frameBitCount > 0 && timestamp - _lastEdge >= _gap)
        {
            CloseFrame(events);
        }

        if (_frameBitCount == WiegandFrame.MaximumBitCount)
        {
            _frameBitCount++;
            CloseFrame(events);
        }

        CountInWindow(timestamp, edges: 1, rejections: 0);
        _frameBits = (_frameBits << 1) | (uint)bit;
        _frameBitCount++;
        _lastEdge = timestamp;
    }

    private void CloseFrame(List<object> events)
    {
        var at = WallClock(_lastEdge);
        var bitCount = _frameBitCount;
        WiegandDecoded decoded = default;
        var rejection = _frameOverrun ? WiegandRejection.Overrun
            : WiegandFrame.TryDecode(_frameBits, bitCount, _options.Decoder, out decoded, out var reason) ? WiegandRejection.None
            : reason;
        _frameBits = 0;
        _frameBitCount = 0;
        _frameOverrun = false;

        if (rejection != WiegandRejection.None)
        {
            _badFrames++;
            _rejections[(int)rejection]++;
            _lastError = WiegandFrame.ReasonText(rejection);
            CountInWindow(_lastEdge, edges: 0, rejections: 1);
            events.Add(new FrameRejected(ReaderId, WiegandFrame.ReasonText(rejection), $"{bitCount}-bit frame refused ({WiegandFrame.ReasonText(rejection)})", at));
            return;
        }

        _goodFrames++;
        _lastFrameAt = at;
        // A good frame proves the lines work, including after a line read low at start.
        if (_state == ReaderState.Starting || (_state == ReaderState.Faulted && _stuckLow))
        {
            _state = ReaderState.Ok;
            _stuckLow = false;
        }

        events.Add(decoded.Kind == WiegandFrameKind.Key
            ? new KeyPressed(ReaderId, decoded.Key, at)
            : Core.Readers.CredentialPresented.ForCard(ReaderId, decoded.CardFormat, decoded.CardUid(), at));
    }

    private void CountInWindow(TimeSpan timestamp, int edges, int rejections)
    {
        if (timestamp - _windowStart >= FloodWindow)
        {
            // The window that just ended decides; if more than one window passed in silence, the last one was quiet.
            _flooding = timestamp - _windowStart < FloodWindow * 2
                && (_windowEdges > _options.FloodEdgesPerSecond || _windowRejections > _options.FloodRejectedFramesPerSecond);
            _windowStart = timestamp;
            _windowEdges = 0;
            _windowRejections = 0;
        }

        _windowEdges += edges;
        _windowRejections += rejections;
        if (_windowEdges > _options.FloodEdgesPerSecond || _windowRejections > _options.FloodRejectedFramesPerSecond)
        {
            _flooding = true;
        }
    }

    private bool IsFlooding() => _flooding && _controller.GetEventClockTime() - _windowStart < FloodWindow * 2;

    private DateTimeOffset WallClock(TimeSpan edgeTimestamp) =>
        _timeProvider.GetUtcNow() - (_controller.GetEventClockTime() - edgeTimestamp);

    private void Raise(List<object> events)
    {
        foreach (var e in events)
        {
            try
            {
                switch (e)
                {
                    case CredentialPresented credential:
                        CredentialPresented?.Invoke(this, credential);
                        break;
                    case KeyPressed key:
                        KeyPressed?.Invoke(this, key);
                        break;
                    case FrameRejected rejected:
                        FrameRejected?.Invoke(this, rejected);
                        break;
                }
            }
#pragma warning disable CA1031 // A handler's fault must not stop the reader.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _handlerFaults);
            }
        }
    }
}
