namespace GateController.Core.Readers;

/// <summary>
/// The event plumbing every reader shares: the <see cref="ICredentialReader"/> events and their raising. Each subscriber
/// is called on its own; an exception one throws is caught and counted in <see cref="HandlerFaults"/>, so a faulty
/// subscriber can neither stop the reader's loop nor keep the other subscribers from the event. Thread-safe: events
/// may be raised from any thread.
/// </summary>
public abstract class CredentialReaderBase : ICredentialReader
{
    private long _handlerFaults;

    /// <inheritdoc />
    public event EventHandler<CredentialPresented>? CredentialPresented;

    /// <inheritdoc />
    public event EventHandler<KeyPressed>? KeyPressed;

    /// <inheritdoc />
    public event EventHandler<FrameRejected>? FrameRejected;

    /// <inheritdoc />
    public abstract string ReaderId { get; }

    /// <inheritdoc />
    public abstract ReaderHealth Health { get; }

    /// <summary>Exceptions thrown by event handlers (and faults a reader counts with them), caught and counted.</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    /// <inheritdoc />
    public abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Raises <see cref="CredentialPresented"/> with this reader as the sender.</summary>
    protected void OnCredentialPresented(CredentialPresented credential) => Notify(CredentialPresented, credential);

    /// <summary>Raises <see cref="KeyPressed"/> with this reader as the sender.</summary>
    protected void OnKeyPressed(KeyPressed key) => Notify(KeyPressed, key);

    /// <summary>Raises <see cref="FrameRejected"/> with this reader as the sender.</summary>
    protected void OnFrameRejected(FrameRejected rejected) => Notify(FrameRejected, rejected);

    /// <summary>
    /// Calls every subscriber of <paramref name="handler"/> (a reader's own further events too) with this reader as the
    /// sender, each on its own: an exception is caught and counted, and the next subscriber is still called.
    /// </summary>
    protected void Notify<T>(EventHandler<T>? handler, T argument)
    {
        if (handler is null)
        {
            return;
        }

        // Allocation-free, in subscription order.
        foreach (var single in Delegate.EnumerateInvocationList(handler))
        {
            Call(single, argument);
        }
    }

    /// <summary>Counts a fault that belongs with the handler faults (a reader's collaborator that threw on its thread).</summary>
    protected void CountHandlerFault() => Interlocked.Increment(ref _handlerFaults);

    private void Call<T>(EventHandler<T> handler, T argument)
    {
        try
        {
            handler(this, argument);
        }
#pragma warning disable CA1031 // A subscriber's exception must not stop the reader loop (ICredentialReader contract).
        catch (Exception)
#pragma warning restore CA1031
        {
            CountHandlerFault();
        }
    }
}
