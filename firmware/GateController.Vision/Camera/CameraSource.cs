using System.Threading.Channels;
using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// The run loop every camera shares. A derived class captures in <see cref="StreamAsync"/> and hands each image
/// to <see cref="PublishFrame"/>. Frames wait in a bounded queue of <see cref="CameraSourceOptions.FrameQueueCapacity"/>:
/// when it is full the oldest frame is cleared, returned and counted as dropped (latest wins). A session that
/// throws, or delivers no frame for <see cref="CameraSourceOptions.NoFrameTimeout"/>, is a fault: reported in
/// <see cref="Health"/> and retried after a delay that doubles up to <see cref="CameraSourceOptions.MaximumRetryDelay"/>.
/// </summary>
public abstract class CameraSource : ICameraSource, IDisposable
{
    private const int FrameRateWindow = 16;

    private readonly Channel<CameraFrame> _frames;
    private readonly Lock _gate = new();
    private readonly Dictionary<CameraFrameRejection, long> _rejections = [];
    private readonly Queue<DateTimeOffset> _recentCaptures = new();
    private CameraState _state = CameraState.Stopped;
    private long _sequence;
    private long _delivered;
    private long _dropped;
    private long _rejected;
    private long _restarts;
    private int _consecutiveFailures;
    private int _width;
    private int _height;
    private string? _lastError;
    private string? _lastRejection;
    private ITimer? _watchdog;
    private int _running;

    /// <summary>Creates the frame queue.</summary>
    /// <param name="sourceName">The device, folder or command, for health and errors.</param>
    /// <param name="options">Queue, stall and retry settings.</param>
    /// <param name="timeProvider">The clock for timestamps, stall detection and retry delays.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    protected CameraSource(string sourceName, CameraSourceOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        SourceName = sourceName;
        Options = options;
        TimeProvider = timeProvider;
        _frames = Channel.CreateBounded<CameraFrame>(
            new BoundedChannelOptions(options.FrameQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
            },
            OnFrameDropped);
    }

    /// <summary>The device, folder or command the source reads.</summary>
    public string SourceName { get; }

    /// <inheritdoc />
    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    /// <inheritdoc />
    public CameraHealth Health
    {
        get
        {
            lock (_gate)
            {
                return new CameraHealth
                {
                    SourceName = SourceName,
                    State = _state,
                    FramesPerSecond = FramesPerSecondLocked(),
                    FramesDelivered = _delivered,
                    FramesDropped = _dropped,
                    FramesRejected = _rejected,
                    RejectionsByReason = new Dictionary<CameraFrameRejection, long>(_rejections),
                    LastRejection = _lastRejection,
                    LastError = _lastError,
                    ConsecutiveFailures = _consecutiveFailures,
                    Restarts = _restarts,
                    Width = _width,
                    Height = _height,
                };
            }
        }
    }

    /// <summary>Queue, stall and retry settings.</summary>
    protected CameraSourceOptions Options { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The source is already running.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException($"camera {SourceName} is already running");
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var fault = await RunSessionAsync(cancellationToken).ConfigureAwait(false);
                if (fault is null)
                {
                    SetState(CameraState.Ended);
                    return;
                }

                cancellationToken.ThrowIfCancellationRequested();

                // The retry timer starts before the fault is visible, so whoever sees the fault sees the timer.
                var retry = Task.Delay(NextRetryDelay(), TimeProvider, cancellationToken);
                Fault(fault);
                await retry.ConfigureAwait(false);
                lock (_gate)
                {
                    _restarts++;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not a fault.
        }
        finally
        {
            lock (_gate)
            {
                if (_state != CameraState.Ended)
                {
                    _state = CameraState.Stopped;
                }
            }

            _frames.Writer.TryComplete();
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Clears and returns every frame still waiting unread.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Captures one session: open, stream, close. Returns normally only when a finite source has no more frames;
    /// throws on a fault (an <see cref="IOException"/> naming the device and errno, or any other exception).
    /// Must honour <paramref name="cancellationToken"/>, which is also cancelled when frames stall.
    /// </summary>
    protected abstract Task StreamAsync(CancellationToken cancellationToken);

    /// <summary>Marks the session as delivering frames (after the device opened).</summary>
    protected void ReportStreaming() => SetState(CameraState.Streaming);

    /// <summary>Delivers a captured image; the source takes ownership of <paramref name="image"/>.</summary>
    protected void PublishFrame(ImageBuffer image, DateTimeOffset captureTimestamp)
    {
        ArgumentNullException.ThrowIfNull(image);
        _watchdog?.Change(Options.NoFrameTimeout, Timeout.InfiniteTimeSpan);
        CameraFrame frame;
        lock (_gate)
        {
            frame = new CameraFrame(image, captureTimestamp, _sequence++);
            _delivered++;
            _consecutiveFailures = 0;
            _state = CameraState.Streaming;
            _width = image.Width;
            _height = image.Height;
            _recentCaptures.Enqueue(captureTimestamp);
            while (_recentCaptures.Count > FrameRateWindow)
            {
                _recentCaptures.Dequeue();
            }
        }

        if (!_frames.Writer.TryWrite(frame))
        {
            // Completed (stopping): nobody will read it.
            frame.Dispose();
        }
    }

    /// <summary>Counts a refused frame or file with its reason; <paramref name="detail"/> must hold no personal data.</summary>
    protected void RejectFrame(CameraFrameRejection reason, string detail)
    {
        lock (_gate)
        {
            _rejected++;
            _rejections[reason] = _rejections.GetValueOrDefault(reason) + 1;
            _lastRejection = $"{reason}: {detail}";
        }
    }

    /// <summary>Releases the frames still queued.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _frames.Writer.TryComplete();
            while (_frames.Reader.TryRead(out var frame))
            {
                frame.Dispose();
            }
        }
    }

    private async Task<string?> RunSessionAsync(CancellationToken cancellationToken)
    {
        SetState(CameraState.Starting);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stalled = 0;
        var watchdog = TimeProvider.CreateTimer(
            _ =>
            {
                Volatile.Write(ref stalled, 1);
                try
                {
                    session.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The session already ended.
                }
            },
            null,
            Options.NoFrameTimeout,
            Timeout.InfiniteTimeSpan);
        _watchdog = watchdog;
        try
        {
            await StreamAsync(session.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (Volatile.Read(ref stalled) == 1)
        {
            _ = exception;
            return $"{SourceName}: no frames for {Options.NoFrameTimeout.TotalSeconds:0.###} s";
        }
#pragma warning disable CA1031 // Any failure of a device session is reported and retried, never fatal to the unit.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception.Message.Contains(SourceName, StringComparison.Ordinal)
                ? exception.Message
                : $"{SourceName}: {exception.Message}";
        }
        finally
        {
            _watchdog = null;
            await watchdog.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Fault(string message)
    {
        lock (_gate)
        {
            _state = CameraState.Faulted;
            _lastError = message;
            _consecutiveFailures++;
            _recentCaptures.Clear();
        }
    }

    private TimeSpan NextRetryDelay()
    {
        int failures;
        lock (_gate)
        {
            failures = _consecutiveFailures + 1;
        }

        var delay = Options.InitialRetryDelay;
        for (var i = 1; i < failures && delay < Options.MaximumRetryDelay; i++)
        {
            delay += delay;
        }

        return delay < Options.MaximumRetryDelay ? delay : Options.MaximumRetryDelay;
    }

    private void SetState(CameraState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    private double FramesPerSecondLocked()
    {
        if (_recentCaptures.Count < 2)
        {
            return 0;
        }

        var span = _recentCaptures.Last() - _recentCaptures.Peek();
        return span <= TimeSpan.Zero ? 0 : (_recentCaptures.Count - 1) / span.TotalSeconds;
    }

    private void OnFrameDropped(CameraFrame frame)
    {
        frame.Dispose();
        lock (_gate)
        {
            _dropped++;
            _delivered--;
        }
    }
}
