using System.Threading.Channels;
using GateController.Core.Readers;
using GateController.Hardware.Door;

namespace GateController.Hardware.Gate;

/// <summary>
/// The door path: credentials from every reader → the caller's access decision → the <see cref="DoorController"/>
/// (grant, deny, locked out) → the relay, LEDs and buzzer lines. Reader callbacks only queue the credential; one
/// decision loop (<see cref="RunAsync"/>) takes them in order, so a slow decision never blocks a GPIO callback thread
/// and one reader's flood cannot reorder another's credentials. Faults in the decision, the door or a handler are
/// caught and counted; the loop carries on.
/// </summary>
public sealed class AccessPipeline : IDisposable
{
    private readonly DoorController _door;
    private readonly ICredentialReader[] _readers;
    private readonly Func<CredentialPresented, DoorResponse> _decide;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<CredentialPresented> _queue;
    private readonly Lock _processLock = new();
    private int _running;
    private long _queued;
    private long _dropped;
    private long _decided;
    private long _decisionFaults;
    private long _doorFaults;
    private long _handlerFaults;
    private long _readerFaults;
    private bool _disposed;

    /// <summary>Creates the pipeline and starts listening to <paramref name="readers"/>.</summary>
    /// <param name="door">The door the decisions drive.</param>
    /// <param name="readers">The readers (a keypad wrapped in a PIN entry); their credentials share one queue.</param>
    /// <param name="decide">The access decision for one credential; called on the decision loop only, one at a time.</param>
    /// <param name="options">Queue settings; validated.</param>
    /// <param name="timeProvider">The clock stamping decisions.</param>
    /// <exception cref="ArgumentException">No reader, a reader given twice, or the options have problems.</exception>
    public AccessPipeline(DoorController door, IEnumerable<ICredentialReader> readers, Func<CredentialPresented, DoorResponse> decide,
        AccessPipelineOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(door);
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("access pipeline: " + string.Join("; ", problems), nameof(options));
        }

        _readers = [.. readers];
        if (_readers.Length == 0)
        {
            throw new ArgumentException("the access pipeline needs at least one reader", nameof(readers));
        }

        if (_readers.Distinct().Count() != _readers.Length)
        {
            throw new ArgumentException("a reader is given twice", nameof(readers));
        }

        _door = door;
        _decide = decide;
        _timeProvider = timeProvider;
        _queue = Channel.CreateBounded<CredentialPresented>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        foreach (var reader in _readers)
        {
            reader.CredentialPresented += OnCredentialPresented;
        }
    }

    /// <summary>Raised on the decision loop after the door was told what to do; handlers' exceptions are caught and counted.</summary>
    public event EventHandler<AccessPipelineDecided>? Decided;

    /// <summary>Credentials queued for a decision.</summary>
    public long CredentialsQueued => Interlocked.Read(ref _queued);

    /// <summary>Credentials dropped because the queue was full.</summary>
    public long CredentialsDropped => Interlocked.Read(ref _dropped);

    /// <summary>Credentials decided and handed to the door.</summary>
    public long CredentialsDecided => Interlocked.Read(ref _decided);

    /// <summary>Exceptions from the decision function, caught and counted; the door then plays the denied pattern.</summary>
    public long DecisionFaults => Interlocked.Read(ref _decisionFaults);

    /// <summary>Exceptions from the door, caught and counted.</summary>
    public long DoorFaults => Interlocked.Read(ref _doorFaults);

    /// <summary>Exceptions from <see cref="Decided"/> handlers, caught and counted.</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    /// <summary>Readers whose own loop ended with an exception, caught and counted; the others keep running.</summary>
    public long ReaderFaults => Interlocked.Read(ref _readerFaults);

    /// <summary>
    /// Runs every reader and the decision loop until <paramref name="cancellationToken"/> is cancelled. The readers open
    /// their lines before this method first yields.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pipeline is already running.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("the access pipeline is already running");
        }

        try
        {
            var tasks = new List<Task>(_readers.Length + 1);
            foreach (var reader in _readers)
            {
                tasks.Add(RunReaderAsync(reader, cancellationToken));
            }

            tasks.Add(DecideLoopAsync(cancellationToken));
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>
    /// Decides on every credential queued now, on the calling thread, and returns how many. For simulations that step
    /// a manual clock and want each step's decisions before the next; not while <see cref="RunAsync"/> runs.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="RunAsync"/> is running.</exception>
    public int ProcessPending()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _running) == 1)
        {
            throw new InvalidOperationException("the decision loop is running; it decides the queued credentials itself");
        }

        var count = 0;
        while (_queue.Reader.TryRead(out var credential))
        {
            Handle(credential);
            count++;
        }

        return count;
    }

    /// <summary>Stops listening to the readers and closes the queue; the door is the caller's to dispose.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var reader in _readers)
        {
            reader.CredentialPresented -= OnCredentialPresented;
        }

        _queue.Writer.TryComplete();
    }

    private void OnCredentialPresented(object? sender, CredentialPresented credential)
    {
        // On the reader's thread (a GPIO or timer callback): queue and return.
        if (_queue.Writer.TryWrite(credential))
        {
            Interlocked.Increment(ref _queued);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private async Task DecideLoopAsync(CancellationToken cancellationToken)
    {
        var queue = _queue.Reader;
        try
        {
            while (await queue.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (queue.TryRead(out var credential))
                {
                    Handle(credential);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunReaderAsync(ICredentialReader reader, CancellationToken cancellationToken)
    {
        try
        {
            await reader.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // One reader's failure must not stop the others or the door.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _readerFaults);
        }
    }

    private void Handle(CredentialPresented credential)
    {
        lock (_processLock)
        {
            DoorResponse response;
            try
            {
                response = _decide(credential);
            }
#pragma warning disable CA1031 // A failed decision is a refusal, never an open door, and never stops the loop.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _decisionFaults);
                response = DoorResponse.Deny;
            }

            try
            {
                _door.Respond(response);
            }
#pragma warning disable CA1031 // The door's fault is counted; the next credential still gets its decision.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _doorFaults);
            }

            Interlocked.Increment(ref _decided);
            try
            {
                Decided?.Invoke(this, new AccessPipelineDecided(credential.ReaderId, credential.Kind, response, credential.PresentedAt, _timeProvider.GetUtcNow()));
            }
#pragma warning disable CA1031 // An observer's fault must not stop the loop.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _handlerFaults);
            }
        }
    }
}
