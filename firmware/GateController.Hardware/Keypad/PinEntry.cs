using GateController.Core.Readers;
using GateController.Hardware.Readers;

namespace GateController.Hardware.Keypad;

/// <summary>
/// Turns a reader's keys into PINs: digits collect, '#' submits, '*' clears, and a pause longer than the entry
/// timeout clears. Cards and PINs open a follow-up window in which keys are passed on one by one as
/// <see cref="KeyPressed"/> (for key sequences after a credential). Wraps any <see cref="ICredentialReader"/>
/// (Wiegand keypad, matrix keypad, USB keypad) and is itself one. Digits are held in a buffer that is wiped after use.
/// </summary>
public sealed class PinEntry : CredentialReaderBase, IDisposable
{
    private readonly ICredentialReader _inner;
    private readonly PinEntryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private readonly char[] _digits;
    private readonly Lock _lock = new();
    private int _digitCount;
    private DateTimeOffset _lastKeyAt;
    private DateTimeOffset? _followUpUntil;
    private long _timedOutEntries;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public PinEntry(ICredentialReader inner, PinEntryOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"PIN entry on '{inner.ReaderId}': {string.Join("; ", problems)}", nameof(options));
        }

        _inner = inner;
        _options = options;
        _timeProvider = timeProvider;
        _digits = new char[options.MaximumDigits];
        _timer = timeProvider.CreateTimer(_ => OnTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        inner.KeyPressed += OnKey;
        inner.CredentialPresented += OnCredential;
        inner.FrameRejected += OnRejected;
    }

    /// <inheritdoc />
    public override string ReaderId => _inner.ReaderId;

    /// <summary>The wrapped reader's health (a <see cref="ReaderStatusTracker"/> snapshot for every reader family): PIN entry adds no frames of its own.</summary>
    public override ReaderHealth Health => _inner.Health;

    /// <summary>Entries cleared because the keypad went quiet.</summary>
    public long TimedOutEntries => Interlocked.Read(ref _timedOutEntries);

    /// <summary>Digits collected so far (the count only; the digits are never exposed).</summary>
    public int PendingDigits
    {
        get
        {
            lock (_lock)
            {
                return _digitCount;
            }
        }
    }

    /// <inheritdoc />
    public override Task RunAsync(CancellationToken cancellationToken) => _inner.RunAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _inner.KeyPressed -= OnKey;
        _inner.CredentialPresented -= OnCredential;
        _inner.FrameRejected -= OnRejected;
        _timer.Dispose();
        lock (_lock)
        {
            Clear();
        }
    }

    private void OnCredential(object? sender, CredentialPresented credential)
    {
        lock (_lock)
        {
            Clear();
            OpenFollowUp(_timeProvider.GetUtcNow());
        }

        OnCredentialPresented(credential);
    }

    private void OnRejected(object? sender, FrameRejected rejected) => OnFrameRejected(rejected);

    private void OnKey(object? sender, KeyPressed key)
    {
        object? result = null;
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (_followUpUntil is { } until && now <= until)
            {
                _followUpUntil = key.Key == '#' ? null : now + TimeSpan.FromMilliseconds(_options.FollowUpWindowMilliseconds);
                result = key;
            }
            else
            {
                _followUpUntil = null;
                result = Assemble(key, now);
            }
        }

        switch (result)
        {
            case KeyPressed passed:
                OnKeyPressed(passed);
                break;
            case CredentialPresented pin:
                OnCredentialPresented(pin);
                break;
            case FrameRejected rejected:
                OnFrameRejected(rejected);
                break;
        }
    }

    private object? Assemble(KeyPressed key, DateTimeOffset now)
    {
        _lastKeyAt = now;
        switch (key.Key)
        {
            case >= '0' and <= '9':
                if (_digitCount == _digits.Length)
                {
                    Clear();
                    return new FrameRejected(ReaderId, "length", $"PIN entry longer than {_options.MaximumDigits} digits", key.PressedAt);
                }

                _digits[_digitCount++] = key.Key;
                _timer.Change(TimeSpan.FromMilliseconds(_options.EntryTimeoutMilliseconds), Timeout.InfiniteTimeSpan);
                return null;
            case '*':
                Clear();
                return null;
            case '#':
                if (_digitCount == 0)
                {
                    return null;
                }

                if (_digitCount < _options.MinimumDigits)
                {
                    Clear();
                    return new FrameRejected(ReaderId, "length", $"PIN shorter than {_options.MinimumDigits} digits", key.PressedAt);
                }

                var pin = Core.Readers.CredentialPresented.ForPin(ReaderId, new string(_digits, 0, _digitCount), key.PressedAt);
                Clear();
                OpenFollowUp(now);
                return pin;
            default:
                return key;
        }
    }

    private void OnTimeout()
    {
        lock (_lock)
        {
            var quiet = _timeProvider.GetUtcNow() - _lastKeyAt;
            if (_digitCount > 0 && quiet >= TimeSpan.FromMilliseconds(_options.EntryTimeoutMilliseconds))
            {
                Clear();
                Interlocked.Increment(ref _timedOutEntries);
            }
        }
    }

    private void OpenFollowUp(DateTimeOffset now) =>
        _followUpUntil = _options.FollowUpWindowMilliseconds > 0 ? now + TimeSpan.FromMilliseconds(_options.FollowUpWindowMilliseconds) : null;

    private void Clear()
    {
        Array.Clear(_digits);
        _digitCount = 0;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
