using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Hardware.Input;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Readers.Hid;

/// <summary>
/// A USB card reader that types the card number like a keyboard, read from its evdev device (a /dev/input/by-id/…-event-kbd
/// path) and grabbed exclusively so numbers never reach a console. Reconnects with back-off when the device is unplugged
/// and comes back. Card numbers are reported as <see cref="CardFormat.Em4100"/>.
/// </summary>
public sealed class KeyboardWedgeReader : CredentialReaderBase
{
    private const int WaitMilliseconds = 50;

    private readonly string _devicePath;
    private readonly TimeProvider _timeProvider;
    private readonly KeyboardWedgeOptions _options;
    private readonly KeyboardWedgeDecoder _decoder;
    private readonly ReaderStatusTracker _status;
    private readonly List<InputEvent> _events = new(64);
    private int _consecutiveFailures;
    private long _connections;
    private long _lastKeyAtMicroseconds;
    private long _reconnectDelaysArmed;
    private long _keyEventsRead;

    /// <summary>A reader named <paramref name="readerId"/> on the evdev device at <paramref name="devicePath"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public KeyboardWedgeReader(string readerId, string devicePath, TimeProvider timeProvider, KeyboardWedgeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options ?? new KeyboardWedgeOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        ReaderId = readerId;
        _devicePath = devicePath;
        _timeProvider = timeProvider;
        _decoder = new KeyboardWedgeDecoder(_options);
        _status = new ReaderStatusTracker(readerId);
    }

    /// <inheritdoc />
    public override string ReaderId { get; }

    /// <inheritdoc />
    public override ReaderHealth Health => _status.Snapshot();

    /// <summary>Times the device was opened (and grabbed); lets tests wait for a reconnect.</summary>
    internal long Connections => Interlocked.Read(ref _connections);

    /// <summary>EV_KEY events handled so far; lets tests know a stream has been consumed.</summary>
    internal long KeyEventsRead => Interlocked.Read(ref _keyEventsRead);

    /// <summary>Times a reconnect delay has been armed; lets tests advance fake time at the right moment.</summary>
    internal long ReconnectDelaysArmed => Interlocked.Read(ref _reconnectDelaysArmed);

    /// <inheritdoc />
    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var device = TryConnect();
                if (device is not null)
                {
                    using (device)
                    {
                        await Task.Factory.StartNew(() => ReadUntilGone(device, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    }
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var delay = Task.Delay(ReconnectDelay(), _timeProvider, cancellationToken);
                Interlocked.Increment(ref _reconnectDelaysArmed);
                await delay;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _decoder.Reset();
            _status.Stopped();
        }
    }

    private EvdevInputDevice? TryConnect()
    {
        EvdevInputDevice device;
        try
        {
            device = EvdevInputDevice.Open(_devicePath);
        }
        catch (IOException exception)
        {
            Failed($"device-missing: {exception.Message}");
            return null;
        }

        var errno = device.TryGrab();
        var notEvdev = errno is Errno.ENOTTY or Errno.EINVAL;
        if (errno != 0 && !(notEvdev && _options.AllowUngrabbableReplaySource))
        {
            device.Dispose();
            Failed($"grab-failed: {_devicePath}: EVIOCGRAB failed: {Errno.Describe(errno)}" + (notEvdev ? " (not an evdev device)" : string.Empty));
            return null;
        }

        _consecutiveFailures = 0;
        _status.Working();
        Interlocked.Increment(ref _connections);
        return device;
    }

    private void ReadUntilGone(EvdevInputDevice device, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                _events.Clear();
                var status = device.Read(_events, WaitMilliseconds);
                if (status == InputReadStatus.Gone)
                {
                    _decoder.Reset();
                    Failed($"device-gone: {_devicePath} was unplugged or closed");
                    return;
                }

                foreach (var inputEvent in _events)
                {
                    Handle(inputEvent);
                }

                _events.Clear();
                if (status == InputReadStatus.Timeout && _decoder.HasPartial)
                {
                    // The partial timeout runs on the host clock: event timestamps cannot tell that nothing came.
                    if (NowMicroseconds() - _lastKeyAtMicroseconds > _options.PartialTimeoutMilliseconds * 1000L)
                    {
                        _decoder.Reset();
                        Reject("partial-timeout");
                    }
                }
            }
        }
        catch (IOException exception)
        {
            _decoder.Reset();
            Failed($"read-error: {exception.Message}");
        }
    }

    private void Handle(in InputEvent inputEvent)
    {
        var isKey = inputEvent.Type == InputEventCodes.EventKey;
        if (isKey)
        {
            _lastKeyAtMicroseconds = NowMicroseconds();
        }

        var outcome = _decoder.Feed(inputEvent);
        try
        {
            Raise(outcome);
        }
        finally
        {
            if (isKey)
            {
                Interlocked.Increment(ref _keyEventsRead);
            }
        }
    }

    private void Raise(KeyboardWedgeOutcome outcome)
    {
        switch (outcome)
        {
            case KeyboardWedgeOutcome.Card:
                var now = _timeProvider.GetUtcNow();
                _status.Good(now);
                OnCredentialPresented(Core.Readers.CredentialPresented.ForCard(ReaderId, CardFormat.Em4100, _decoder.Card, now));
                break;
            case KeyboardWedgeOutcome.Rejected:
                Reject(_decoder.RejectionReason);
                break;
        }
    }

    private long NowMicroseconds() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000L;

    private void Reject(string reason)
    {
        _status.Rejected(reason);
        var detail = reason switch
        {
            "typed-by-hand" => "keys came slower than a card reader types them: someone typing on a keyboard",
            "invalid-key" => "a key outside the card number's characters",
            "length" => "a number of the wrong length",
            "partial-timeout" => "a number without Enter, dropped after the partial timeout",
            _ => reason,
        };
        OnFrameRejected(new FrameRejected(ReaderId, reason, detail, _timeProvider.GetUtcNow()));
    }

    private void Failed(string error)
    {
        _consecutiveFailures++;
        _status.Fault(error);
    }

    private TimeSpan ReconnectDelay()
    {
        var exponent = Math.Min(Math.Max(_consecutiveFailures - 1, 0), 16);
        var milliseconds = Math.Min((long)_options.ReconnectInitialDelayMilliseconds << exponent, _options.ReconnectMaximumDelayMilliseconds);
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
