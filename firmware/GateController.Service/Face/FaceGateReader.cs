using System.Buffers;
using System.Threading.Channels;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Telemetry.Health;
using GateController.Vision.Camera;
using GateController.Vision.Matching;

namespace GateController.Service.Face;

/// <summary>
/// A door's camera as a credential reader: it takes the newest frame from an <see cref="ICameraSource"/> (older
/// unread frames are dropped, never queued), runs the face pipeline on it as the door's <see cref="FaceGateMode"/>
/// says, and raises <see cref="CredentialPresented"/> with <see cref="CredentialPresented.ForFace"/> for a consenting
/// resident's face, so the access pipeline decides it like a card. A resident already let in is not raised again
/// while a face stays in view. A probe that matches nobody leaves nothing but aggregate counters (<see cref="Stats"/>);
/// frames are pooled buffers cleared on disposal (P5). Camera faults show in <see cref="Health"/> and
/// <see cref="Stats"/>; the camera retries itself with backoff. The reader also serves live enrolment
/// (<see cref="FaceRecognition.EnrollFromCameraAsync"/>), which borrows its frames while it runs. A camera has no keys
/// (no <see cref="CredentialReaderBase.KeyPressed"/>); <see cref="CredentialReaderBase.FrameRejected"/> is raised for
/// camera frames or replay files refused (truncated, corrupt, not an image, size changed).
/// </summary>
public sealed class FaceGateReader : CredentialReaderBase, IDisposable
{
    private static readonly TimeSpan CameraCheckPeriod = TimeSpan.FromSeconds(1);

    private readonly FaceGateReaderOptions _options;
    private readonly ICameraSource _camera;
    private readonly FaceRecognition _recognition;
    private readonly TimeProvider _time;
    private readonly MotionDetector _motion;
    private readonly FaceGateCounters _counters;
    private readonly Lock _gate = new();
    private readonly Dictionary<ResidentId, DateTimeOffset> _inView = [];
    private DateTimeOffset _activeUntil = DateTimeOffset.MinValue;
    private bool _triggerPending;
    private ResidentId? _claimed;
    private DateTimeOffset _claimedUntil;
    private FaceCameraEnrollment? _enrollment;
    private DateTimeOffset? _lastFrameAt;
    private long _credentials;
    private long _idleFrames;
    private long _processingFaults;
    private string? _lastProcessingError;
    private long _reportedRejections;
    private int _running;
    private bool _disposed;

    /// <summary>Creates the reader and attaches it to <paramref name="recognition"/> for live enrolment.</summary>
    /// <param name="options">The door's face settings; validated.</param>
    /// <param name="camera">The door's camera; the reader runs it in <see cref="RunAsync"/>.</param>
    /// <param name="recognition">The loaded face component (models and the consenting residents' templates).</param>
    /// <param name="timeProvider">The clock for windows, cooldowns and latencies.</param>
    /// <exception cref="ArgumentException">The options are not valid, the face component is unavailable, or the reader id is taken.</exception>
    public FaceGateReader(FaceGateReaderOptions options, ICameraSource camera, FaceRecognition recognition, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(recognition);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("face reader: " + string.Join("; ", problems), nameof(options));
        }

        if (!recognition.IsAvailable)
        {
            throw new ArgumentException($"face reader {options.ReaderId}: face recognition is unavailable: {recognition.UnavailableReason}", nameof(recognition));
        }

        _options = options;
        _camera = camera;
        _recognition = recognition;
        _time = timeProvider;
        _motion = new MotionDetector(options.Motion);
        _counters = new FaceGateCounters(options.LatencySampleCount);
        recognition.AttachCamera(this);
    }

    /// <inheritdoc/>
    public override string ReaderId => _options.ReaderId;

    /// <summary>The door's mode.</summary>
    public FaceGateMode Mode => _options.Mode;

    /// <inheritdoc/>
    public override ReaderHealth Health
    {
        get
        {
            var camera = _camera.Health;
            var state = Mode == FaceGateMode.Off
                ? ReaderState.Stopped
                : camera.State switch
                {
                    CameraState.Streaming => ReaderState.Ok,
                    CameraState.Faulted => ReaderState.Faulted,
                    CameraState.Starting => ReaderState.Starting,
                    _ => ReaderState.Stopped,
                };
            string? error;
            lock (_gate)
            {
                error = camera.LastError ?? _lastProcessingError ?? camera.LastRejection;
                return new ReaderHealth(ReaderId, state, _lastFrameAt, Interlocked.Read(ref _credentials), camera.FramesRejected, error);
            }
        }
    }

    /// <summary>Aggregate counters, frame rate, pipeline latency and the camera's state, for health (no per-person data).</summary>
    public FacePipelineStats Stats
    {
        get
        {
            var camera = _camera.Health;
            return _counters.Snapshot(camera.FramesPerSecond, _recognition.ModelIds, camera.State != CameraState.Faulted, camera.LastError);
        }
    }

    /// <summary>Frames looked at but not given to the models (triggered or card+face mode at idle).</summary>
    public long IdleFrames => Interlocked.Read(ref _idleFrames);

    /// <summary>Frames whose processing threw (caught, counted, the loop goes on).</summary>
    public long ProcessingFaults => Interlocked.Read(ref _processingFaults);

    /// <summary>
    /// Triggered mode: an external input (a button, a proximity sensor) asks the models to run for
    /// <see cref="FaceGateReaderOptions.TriggerWindow"/> from the next frame. Ignored in the other modes.
    /// </summary>
    public void Trigger()
    {
        lock (_gate)
        {
            _triggerPending = true;
        }
    }

    /// <summary>
    /// Card+face: a card at this door named <paramref name="resident"/>, who has an active face consent. For
    /// <see cref="FaceGateReaderOptions.VerificationWindow"/> the camera verifies faces against that resident's templates
    /// only (1:1) and raises the face credential for them on a match. False when face is off here or the resident has
    /// no template (the door path then treats the second factor as missing).
    /// </summary>
    public bool BeginVerification(ResidentId resident)
    {
        if (resident.Value is null)
        {
            throw new ArgumentException("the resident id is empty", nameof(resident));
        }

        if (Mode == FaceGateMode.Off || !_recognition.HasTemplates(resident))
        {
            return false;
        }

        lock (_gate)
        {
            _claimed = resident;
            _claimedUntil = _time.GetUtcNow() + _options.VerificationWindow;
        }

        return true;
    }

    /// <summary>Ends a card+face verification window early (the door decided, or the card was refused).</summary>
    public void CancelVerification()
    {
        lock (_gate)
        {
            _claimed = null;
        }
    }

    /// <summary>
    /// Runs the camera and the frame loop until <paramref name="cancellationToken"/> is cancelled (or a finite camera
    /// ends). With <see cref="FaceGateMode.Off"/> it returns at once and the camera is never opened.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reader is already running.</exception>
    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Mode == FaceGateMode.Off)
        {
            return;
        }

        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException($"face reader {ReaderId} is already running");
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var camera = RunCameraAsync(stopping.Token);
        var monitor = MonitorCameraAsync(stopping.Token);
        try
        {
            await FrameLoopAsync(stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await camera.ConfigureAwait(false);
            await monitor.ConfigureAwait(false);
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Detaches from the face component and forgets who is in view.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _recognition.DetachCamera(this);
        lock (_gate)
        {
            _inView.Clear();
            _claimed = null;
            _enrollment?.Dispose();
        }

        _motion.Dispose();
    }

    /// <summary>Handles one frame on the gate loop (tests call it directly). The caller keeps and disposes the frame.</summary>
    internal void ProcessFrame(CameraFrame frame)
    {
        var now = _time.GetUtcNow();
        FaceCameraEnrollment? enrollment;
        lock (_gate)
        {
            _lastFrameAt = now;
            enrollment = _enrollment;
        }

        if (enrollment is not null)
        {
            enrollment.Offer(frame.Image);
            return;
        }

        var motion = Mode == FaceGateMode.Triggered && _motion.Update(frame.Image);
        ResidentId? claimed;
        bool run;
        lock (_gate)
        {
            ExpireInViewLocked(now);
            if (_claimed is not null && now > _claimedUntil)
            {
                _claimed = null;
            }

            claimed = _claimed;
            if (Mode == FaceGateMode.Triggered && (motion || _triggerPending))
            {
                _triggerPending = false;
                _activeUntil = Later(_activeUntil, now + _options.TriggerWindow);
            }

            run = claimed is not null || Mode switch
            {
                FaceGateMode.Continuous => true,
                FaceGateMode.Triggered => now < _activeUntil,
                _ => false,
            };
        }

        if (!run)
        {
            Interlocked.Increment(ref _idleFrames);
            return;
        }

        var started = _time.GetTimestamp();
        var result = _recognition.Probe(frame.Image, claimed);
        _counters.Record(result.Outcome, _time.GetElapsedTime(started));
        if (result.Outcome == FaceProbeOutcome.NoFace)
        {
            return;
        }

        var raise = false;
        lock (_gate)
        {
            if (Mode == FaceGateMode.Triggered)
            {
                _activeUntil = Later(_activeUntil, now + _options.TriggerWindow);
            }

            if (result is { Outcome: FaceProbeOutcome.Matched, Resident: { } resident })
            {
                raise = claimed is not null || !_inView.ContainsKey(resident);
                _inView[resident] = now;
                if (claimed is not null)
                {
                    _claimed = null;
                }
            }
            else
            {
                // Someone is still in front of the camera: whoever was let in stays "in view".
                foreach (var key in _inView.Keys.ToList())
                {
                    _inView[key] = now;
                }
            }
        }

        if (raise && result.Resident is { } matched)
        {
            Interlocked.Increment(ref _credentials);
            OnCredentialPresented(Core.Readers.CredentialPresented.ForFace(ReaderId, matched, livenessPassed: true, frame.CaptureTimestamp));
        }
    }

    /// <summary>Compares the camera's refusal count with the last look and raises <see cref="FrameRejected"/> for new ones.</summary>
    internal void CheckCamera()
    {
        var camera = _camera.Health;
        var previous = Interlocked.Exchange(ref _reportedRejections, camera.FramesRejected);
        if (camera.FramesRejected > previous && camera.LastRejection is { } last)
        {
            var colon = last.IndexOf(':', StringComparison.Ordinal);
            var reason = colon > 0 ? last[..colon] : "camera";
            var count = camera.FramesRejected - previous;
            OnFrameRejected(new FrameRejected(ReaderId, reason, $"{count} camera frame(s) refused; last: {last}", _time.GetUtcNow()));
        }
    }

    /// <summary>Collects a live enrolment from this camera; see <see cref="FaceRecognition.EnrollFromCameraAsync"/>.</summary>
    internal async Task<FaceCameraEnrollmentReport> EnrollAsync(ResidentId resident, int frameCount, string operatorId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frameCount, FaceCameraEnrollment.MaximumFrameCount);
        _recognition.RequireActiveConsent(resident);
        if (Mode == FaceGateMode.Off)
        {
            throw new FaceRecognitionException($"face is off at {ReaderId}: its camera is not running");
        }

        using var collection = new FaceCameraEnrollment(_recognition, frameCount);
        lock (_gate)
        {
            if (_enrollment is not null)
            {
                throw new FaceRecognitionException($"an enrolment is already running at {ReaderId}; try again when it ends");
            }

            _enrollment = collection;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_options.EnrollmentTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await collection.Completion.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Timed out: reported below.
            }

            collection.Stop();
            var frames = collection.Frames;
            var template = ArrayPool<float>.Shared.Rent(TemplateIndex.EmbeddingLength);
            try
            {
                var span = template.AsSpan(0, TemplateIndex.EmbeddingLength);
                if (!collection.TryBuildTemplate(span))
                {
                    var accepted = frames.Count(f => f.Accepted);
                    var problem = frames.Count >= FaceCameraEnrollment.MaximumFramesExamined
                        ? $"only {accepted} of {frameCount} good frames in {frames.Count} frames; nothing was stored"
                        : $"only {accepted} of {frameCount} good frames within {_options.EnrollmentTimeout.TotalSeconds:0.#} s ({frames.Count} frames seen); nothing was stored";
                    return new FaceCameraEnrollmentReport(resident, frameCount, frames, null, problem);
                }

                var record = _recognition.StoreTemplate(resident, span, operatorId);
                return new FaceCameraEnrollmentReport(resident, frameCount, frames, record, null);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(template, clearArray: true);
            }
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_enrollment, collection))
                {
                    _enrollment = null;
                }
            }
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void ExpireInViewLocked(DateTimeOffset now)
    {
        if (_inView.Count == 0)
        {
            return;
        }

        foreach (var (resident, lastSeen) in _inView.ToList())
        {
            if (now - lastSeen > _options.LeaveViewAfter)
            {
                _inView.Remove(resident);
            }
        }
    }

    private Task FrameLoopAsync(CancellationToken cancellationToken) =>
        // A thread of its own: the models block for tens of milliseconds per frame, and the thread pool must stay free
        // for the card and PIN readers and the decision loop.
        Task.Factory.StartNew(() => FrameLoop(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void FrameLoop(CancellationToken cancellationToken)
    {
        var frames = _camera.Frames;
        try
        {
            while (WaitForFrame(frames, cancellationToken))
            {
                // Latest wins: frames that waited while the models ran are cleared and returned unread.
                CameraFrame? latest = null;
                while (frames.TryRead(out var frame))
                {
                    latest?.Dispose();
                    latest = frame;
                }

                if (latest is null)
                {
                    continue;
                }

                using (latest)
                {
                    try
                    {
                        ProcessFrame(latest);
                    }
#pragma warning disable CA1031 // A frame that cannot be processed must never stop the door's other readers.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        Interlocked.Increment(ref _processingFaults);
                        lock (_gate)
                        {
                            // The exception type only: a message could describe the frame.
                            _lastProcessingError = $"face processing failed: {ex.GetType().Name}";
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static bool WaitForFrame(ChannelReader<CameraFrame> frames, CancellationToken cancellationToken)
    {
        var wait = frames.WaitToReadAsync(cancellationToken);
        return wait.IsCompleted ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private async Task RunCameraAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _camera.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task MonitorCameraAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(CameraCheckPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                CheckCamera();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
