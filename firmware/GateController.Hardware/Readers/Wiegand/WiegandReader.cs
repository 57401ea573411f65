using GateController.Core.Readers;
using GateController.Hardware.Gpio;

namespace GateController.Hardware.Readers.Wiegand;

/// <summary>
/// A Wiegand card reader or keypad on two GPIO lines. The pin callbacks only append (kernel timestamp, bit) to a
/// ring; a <see cref="TimeProvider"/> timer drains it, splits frames where the edge timestamps show a gap of at
/// least <see cref="WiegandReaderOptions.InterFrameGapMilliseconds"/>, and closes the last frame once the lines
/// have been quiet that long. Card frames become <see cref="CredentialPresented"/>, key bursts <see cref="KeyPressed"/>,
/// and anything else a counted <see cref="FrameRejected"/> — never a card.
/// Both edges of each line are watched: a data pulse lasts 20–100 µs, so a line whose falling edge is not followed
/// by its rising edge within the inter-frame gap is held low (a reader that lost power, a shorted cable). The reader
/// is then <see cref="ReaderState.Faulted"/> with a reason naming the line, the held edge never becomes a bit, and the
/// rising edge that releases the line makes it <see cref="ReaderState.Ok"/> again.
/// </summary>
public sealed class WiegandReader : CredentialReaderBase, IDisposable
{
    private const int RisingEdgeCode = 2;
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
    private readonly TimeSpan?[] _lowSince = new TimeSpan?[2];
    private readonly int[] _lowBitIndex = [-1, -1];
    private readonly bool[] _heldLow = new bool[2];
    private readonly string[] _lineLabels = new string[2];

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

    private readonly ReaderStatusTracker _status;
    private bool _linesOpen;
    private volatile int _heldLowMask;
    private long _edges;

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
        _status = ReaderStatusTracker.ForLineReader(readerId);
        _controller = controller;
        _options = options;
        _timeProvider = timeProvider;
        _gap = TimeSpan.FromMilliseconds(options.InterFrameGapMilliseconds);
        _ring = new WiegandEdgeRing(options.EdgeBufferCapacity);
        _drainThreshold = options.EdgeBufferCapacity / 4;
        _timer = timeProvider.CreateTimer(_ => Drain(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _onData0 = (_, e) => OnEdge(e.Timestamp, 0, e.ChangeType == PinEventTypes.Rising);
        _onData1 = (_, e) => OnEdge(e.Timestamp, 1, e.ChangeType == PinEventTypes.Rising);
    }

    /// <inheritdoc />
    public override string ReaderId { get; }

    /// <summary>Falling edges (bit pulses) received on D0 and D1 since start.</summary>
    public long EdgesReceived => Interlocked.Read(ref _edges);

    /// <summary>Edges lost because the ring was full.</summary>
    public long EdgesDropped => Interlocked.Read(ref _droppedEdges);

    /// <inheritdoc />
    public override ReaderHealth Health
    {
        get
        {
            lock (_frameLock)
            {
                return _status.Snapshot(flooding: IsFlooding());
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
    public override async Task RunAsync(CancellationToken cancellationToken)
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
                _status.Fault(fault.Message);
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
        _status.Stopped();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        _timer.Dispose();
    }

    private void Open()
    {
        int[] pins = [_options.Data0Pin, _options.Data1Pin];
        foreach (var pin in pins)
        {
            if (!_controller.IsPinOpen(pin))
            {
                _controller.OpenPin(pin, _options.LineMode);
            }
        }

        for (var line = 0; line < pins.Length; line++)
        {
            _lineLabels[line] = LineLabel(line, pins[line]);
        }

        const PinEventTypes bothEdges = PinEventTypes.Falling | PinEventTypes.Rising;
        _controller.RegisterCallbackForPinValueChangedEvent(_options.Data0Pin, bothEdges, _onData0);
        _controller.RegisterCallbackForPinValueChangedEvent(_options.Data1Pin, bothEdges, _onData1);
        var openedAt = _controller.GetEventClockTime();
        lock (_frameLock)
        {
            _linesOpen = true;
            var anyLow = false;
            for (var line = 0; line < pins.Length; line++)
            {
                // A line that reads low while idle is held low from the start: no pulse is that long.
                var low = !_controller.Read(pins[line]).IsHigh;
                _lowSince[line] = low ? openedAt : null;
                _lowBitIndex[line] = -1;
                _heldLow[line] = low;
                anyLow |= low;
            }

            _heldLowMask = HeldLowMask();

            if (anyLow)
            {
                _status.Fault(HeldLowReason());
            }
            else
            {
                _status.Starting();
            }
        }
    }

    private void Close()
    {
        lock (_frameLock)
        {
            _linesOpen = false;
        }

        foreach (var pin in new[] { _options.Data0Pin, _options.Data1Pin })
        {
            if (_controller.IsPinOpen(pin))
            {
                _controller.ClosePin(pin);
            }
        }
    }

    /// <summary>"D1 (GPIO6)" on a chip that names its lines like the Pi's header, else "D1 (line 6 on gpiochip0)".</summary>
    private string LineLabel(int line, int pin)
    {
        var gpioName = "GPIO" + pin.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _controller.TryGetPinNumber(gpioName, out var named) && named == pin
            ? $"D{line} ({gpioName})"
            : $"D{line} (line {pin} on {_controller.ChipName})";
    }

    /// <summary>Queues one edge: code 0/1 is a falling edge (a bit) on D0/D1, 2/3 a rising edge (the pulse's end).</summary>
    private void OnEdge(TimeSpan timestamp, int line, bool rising)
    {
        if (!rising)
        {
            Interlocked.Increment(ref _edges);
        }

        var due = Timeout.InfiniteTimeSpan;
        lock (_ringLock)
        {
            if (!_ring.TryAdd(timestamp, rising ? line + RisingEdgeCode : line))
            {
                _droppedEdges++;
                _droppedSinceDrain++;
            }

            if (rising && (_heldLowMask & (1 << line)) != 0)
            {
                // The release of a held line: drain now so that health recovers with the edge.
                due = TimeSpan.Zero;
            }
            else if (!_timerArmed)
            {
                due = _gap;
            }
            else if (_ring.Count == _drainThreshold)
            {
                // A flood is filling the ring faster than frames close: drain now rather than at the gap.
                due = TimeSpan.Zero;
            }

            _timerArmed = true;
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
                int code;
                lock (_ringLock)
                {
                    if (_droppedSinceDrain > 0)
                    {
                        _frameOverrun = true;
                        _droppedSinceDrain = 0;
                    }

                    if (!_ring.TryTake(out timestamp, out code))
                    {
                        break;
                    }
                }

                // Judged at each edge's own timestamp, so a late drain decides exactly as a timely one.
                CheckHeldLow(timestamp);
                if (code >= RisingEdgeCode)
                {
                    LineRose(code - RisingEdgeCode);
                }
                else
                {
                    Append(timestamp, code, events);
                }
            }

            var now = _controller.GetEventClockTime();
            CheckHeldLow(now);
            if (_frameBitCount > 0 && now - _lastEdge >= _gap)
            {
                CloseFrame(events);
            }

            var heldDue = NextHeldLowCheck(now);
            lock (_ringLock)
            {
                rearm = _ring.Count > 0 ? TimeSpan.FromMilliseconds(1)
                    : _frameBitCount > 0 ? Earliest(_gap - (now - _lastEdge), heldDue)
                    : heldDue;
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
        if (_lowSince[bit] is not null)
        {
            // A second falling edge without a rising one: the rise was missed, so the line was released in between.
            LineRose(bit);
        }

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
        _lowSince[bit] = timestamp;
        _lowBitIndex[bit] = _frameBitCount;
        _frameBitCount++;
        _lastEdge = timestamp;
    }

    /// <summary>Marks every line low for at least the gap as held low, taking its falling edge out of the frame.</summary>
    private void CheckHeldLow(TimeSpan at)
    {
        if (!_linesOpen)
        {
            return;
        }

        // The later bit first, so that taking it out does not move the other line's bit.
        var later = _lowBitIndex[0] > _lowBitIndex[1] ? 0 : 1;
        if (MarkHeldLow(later, at) | MarkHeldLow(1 - later, at))
        {
            _status.Fault(HeldLowReason());
            _heldLowMask = HeldLowMask();
        }
    }

    private bool MarkHeldLow(int line, TimeSpan at)
    {
        if (_heldLow[line] || _lowSince[line] is not { } since || at - since < _gap)
        {
            return false;
        }

        _heldLow[line] = true;
        if (_lowBitIndex[line] >= 0)
        {
            RemoveBit(_lowBitIndex[line]);
            _lowBitIndex[line] = -1;
        }

        return true;
    }

    /// <summary>A rising edge: the pulse (or the hold) on <paramref name="line"/> is over.</summary>
    private void LineRose(int line)
    {
        _lowSince[line] = null;
        _lowBitIndex[line] = -1;
        if (!_heldLow[line])
        {
            return;
        }

        _heldLow[line] = false;
        _heldLowMask = HeldLowMask();
        if (_heldLowMask != 0)
        {
            _status.Fault(HeldLowReason());
        }
        else if (_status.State == ReaderState.Faulted && _linesOpen)
        {
            _status.Working();
        }
    }

    /// <summary>Takes the bit at <paramref name="index"/> (0 = first received) out of the frame being assembled.</summary>
    private void RemoveBit(int index)
    {
        var fromEnd = _frameBitCount - 1 - index;
        var below = _frameBits & ((1UL << fromEnd) - 1);
        var above = fromEnd + 1 < 64 ? (_frameBits >> (fromEnd + 1)) << fromEnd : 0;
        _frameBits = above | below;
        _frameBitCount--;
        for (var line = 0; line < _lowBitIndex.Length; line++)
        {
            if (_lowBitIndex[line] > index)
            {
                _lowBitIndex[line]--;
            }
        }
    }

    /// <summary>When a line now low would have been low for the gap; null if none is waiting to be judged.</summary>
    private TimeSpan? NextHeldLowCheck(TimeSpan now)
    {
        TimeSpan? due = null;
        for (var line = 0; line < _lowSince.Length; line++)
        {
            if (_linesOpen && !_heldLow[line] && _lowSince[line] is { } since)
            {
                due = Earliest(due, _gap - (now - since));
            }
        }

        return due;
    }

    private int HeldLowMask() => (_heldLow[0] ? 1 : 0) | (_heldLow[1] ? 2 : 0);

    private static TimeSpan? Earliest(TimeSpan? first, TimeSpan? second) =>
        first is null ? second : second is null ? first : first < second ? first : second;

    private string HeldLowReason()
    {
        var held = Enumerable.Range(0, _heldLow.Length).Where(line => _heldLow[line]).Select(line => _lineLabels[line]).ToList();
        return held.Count == 1
            ? $"data line {held[0]} held low; check the reader's power and cable"
            : $"data lines {string.Join(" and ", held)} held low; check the reader's power and cable";
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
        _lowBitIndex[0] = -1;
        _lowBitIndex[1] = -1;

        if (rejection != WiegandRejection.None)
        {
            _rejections[(int)rejection]++;
            _status.Rejected(WiegandFrame.ReasonText(rejection));
            CountInWindow(_lastEdge, edges: 0, rejections: 1);
            events.Add(new FrameRejected(ReaderId, WiegandFrame.ReasonText(rejection), $"{bitCount}-bit frame refused ({WiegandFrame.ReasonText(rejection)})", at));
            return;
        }

        _status.Good(at);

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
            switch (e)
            {
                case CredentialPresented credential:
                    OnCredentialPresented(credential);
                    break;
                case KeyPressed key:
                    OnKeyPressed(key);
                    break;
                case FrameRejected rejected:
                    OnFrameRejected(rejected);
                    break;
            }
        }
    }
}
