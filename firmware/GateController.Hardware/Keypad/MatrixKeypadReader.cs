using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers;

namespace GateController.Hardware.Keypad;

/// <summary>
/// A 4×3 or 4×4 matrix keypad scanned over GPIO on a <see cref="TimeProvider"/> timer: each row is driven low in turn
/// and the pulled-up columns read; one key held stable for the debounce period is one <see cref="KeyPressed"/>.
/// Two keys at once are ignored (a matrix without diodes cannot tell them apart reliably). Raises keys only: it has no
/// frames to refuse, and PINs come from wrapping it in a <see cref="PinEntry"/>.
/// </summary>
public sealed class MatrixKeypadReader : CredentialReaderBase, IDisposable
{
    private readonly GpioController _controller;
    private readonly MatrixKeypadOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly IReadOnlyList<string> _keys;
    private readonly TimeSpan _debounce;
    private readonly Lock _lock = new();
    private readonly ReaderStatusTracker _status;
    private ITimer? _timer;

    private char _candidate;
    private DateTimeOffset _candidateSince;
    private char _stable;
    private long _ambiguousScans;

    /// <summary>Creates a keypad named <paramref name="readerId"/>.</summary>
    public MatrixKeypadReader(string readerId, GpioController controller, MatrixKeypadOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"keypad '{readerId}': {string.Join("; ", problems)}", nameof(options));
        }

        ReaderId = readerId;
        _controller = controller;
        _options = options;
        _timeProvider = timeProvider;
        _keys = KeypadLayouts.Rows(options.Layout);
        _debounce = TimeSpan.FromMilliseconds(options.DebounceMilliseconds);
        _status = new ReaderStatusTracker(readerId, ReaderState.Stopped);
    }

    /// <inheritdoc />
    public override string ReaderId { get; }

    /// <summary>Scans that saw more than one key down.</summary>
    public long AmbiguousScans => Interlocked.Read(ref _ambiguousScans);

    /// <inheritdoc />
    public override ReaderHealth Health => _status.Snapshot();

    /// <inheritdoc />
    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Open();
                _timer = _timeProvider.CreateTimer(_ => ScanSafely(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(_options.ScanIntervalMilliseconds));
                await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (IOException fault)
            {
                Close();
                lock (_lock)
                {
                    _status.Fault(fault.Message);
                }
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(_options.RetryDelayMilliseconds), _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        Close();
        lock (_lock)
        {
            _status.Stopped();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Close();

    /// <summary>One scan of the matrix; returns the single key down, or '\0' for none or several.</summary>
    internal char ScanOnce()
    {
        var found = '\0';
        var count = 0;
        for (var row = 0; row < _options.RowPins.Count; row++)
        {
            _controller.Write(_options.RowPins[row], PinValue.Low);
            try
            {
                for (var column = 0; column < _options.ColumnPins.Count; column++)
                {
                    if (!_controller.Read(_options.ColumnPins[column]).IsHigh)
                    {
                        found = _keys[row][column];
                        count++;
                    }
                }
            }
            finally
            {
                _controller.Write(_options.RowPins[row], PinValue.High);
            }
        }

        if (count > 1)
        {
            Interlocked.Increment(ref _ambiguousScans);
            return '\0';
        }

        return found;
    }

    private void ScanSafely()
    {
        KeyPressed? pressed = null;
        lock (_lock)
        {
            if (_status.State is not (ReaderState.Ok or ReaderState.Starting))
            {
                return;
            }

            char key;
            try
            {
                key = ScanOnce();
            }
            catch (IOException fault)
            {
                _status.Fault(fault.Message);
                return;
            }

            var now = _timeProvider.GetUtcNow();
            if (key != _candidate)
            {
                _candidate = key;
                _candidateSince = now;
            }
            else if (key != _stable && now - _candidateSince >= _debounce)
            {
                _stable = key;
                if (key != '\0')
                {
                    _status.Good(_candidateSince);
                    pressed = new KeyPressed(ReaderId, key, _candidateSince);
                }
            }
        }

        if (pressed is not null)
        {
            OnKeyPressed(pressed);
        }
    }

    private void Open()
    {
        foreach (var row in _options.RowPins)
        {
            _controller.OpenPin(row, PinMode.Output, PinValue.High);
        }

        foreach (var column in _options.ColumnPins)
        {
            _controller.OpenPin(column, PinMode.InputPullUp);
        }

        lock (_lock)
        {
            _status.Starting();
        }
    }

    private void Close()
    {
        _timer?.Dispose();
        _timer = null;
        lock (_lock)
        {
            foreach (var pin in _options.RowPins.Concat(_options.ColumnPins))
            {
                if (_controller.IsPinOpen(pin))
                {
                    _controller.ClosePin(pin);
                }
            }
        }
    }
}
