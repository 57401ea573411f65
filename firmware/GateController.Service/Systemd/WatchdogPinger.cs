namespace GateController.Service.Systemd;

/// <summary>
/// Pings the systemd watchdog every <see cref="WatchdogOptions.PingInterval"/>, but only when the decision loop has
/// called <see cref="Heartbeat"/> since the previous ping: a hung door path stops the pings and systemd restarts the
/// unit. The loop must beat at least once per ping interval, also when idle.
/// </summary>
public sealed class WatchdogPinger : IDisposable
{
    private readonly ISystemdNotifier _notifier;
    private readonly WatchdogOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private int _beaten;
    private long _pingCount;
    private long _withheldPingCount;
    private long _failedPingCount;
    private bool _disposed;

    /// <summary>Creates a pinger sending through <paramref name="notifier"/> on <paramref name="timeProvider"/>'s clock.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not valid; the message lists every problem.</exception>
    public WatchdogPinger(ISystemdNotifier notifier, WatchdogOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        _notifier = notifier;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>WATCHDOG=1 datagrams sent.</summary>
    public long PingCount => Interlocked.Read(ref _pingCount);

    /// <summary>Ping times at which no heartbeat had arrived since the previous ping, so nothing was sent.</summary>
    public long WithheldPingCount => Interlocked.Read(ref _withheldPingCount);

    /// <summary>Pings the service manager's socket refused (an I/O error); the last one is <see cref="LastError"/>.</summary>
    public long FailedPingCount => Interlocked.Read(ref _failedPingCount);

    /// <summary>The error of the last failed ping, if any.</summary>
    public IOException? LastError { get; private set; }

    /// <summary>Called by the decision loop each time round: the door path is alive.</summary>
    public void Heartbeat() => Volatile.Write(ref _beaten, 1);

    /// <summary>Starts pinging; the first ping is due one ping interval from now. Calling it again does nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _timer ??= _timeProvider.CreateTimer(
                static state => ((WatchdogPinger)state!).Tick(), this, _options.PingInterval, _options.PingInterval);
        }
    }

    /// <summary>Stops pinging.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Tick()
    {
        if (Interlocked.Exchange(ref _beaten, 0) == 0)
        {
            Interlocked.Increment(ref _withheldPingCount);
            return;
        }

        try
        {
            if (_notifier.Notify(SystemdNotifyState.Watchdog))
            {
                Interlocked.Increment(ref _pingCount);
            }
        }
        catch (IOException exception)
        {
            LastError = exception;
            Interlocked.Increment(ref _failedPingCount);
        }
        catch (ObjectDisposedException)
        {
            // The notifier was closed during shutdown; nothing more to ping.
        }
    }
}
