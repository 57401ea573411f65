using GateController.Core.Readers;

namespace GateController.Service.DoorPath;

/// <summary>
/// A place in the access pipeline for a reader that joins once the pipeline runs (the face reader, which needs the
/// face models loaded after the door went live): until <see cref="Attach"/> it presents nothing; afterwards it
/// forwards the attached reader's credentials and rejected frames into the pipeline's queue. The attached reader is
/// run by whoever attached it. A subscriber's exception is contained and counted here, like every reader's.
/// </summary>
public sealed class LateCredentialReader : CredentialReaderBase, IDisposable
{
    private readonly string _readerId;
    private ICredentialReader? _attached;

    /// <summary>Creates the empty place, named <paramref name="readerId"/> until a reader joins.</summary>
    public LateCredentialReader(string readerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readerId);
        _readerId = readerId;
    }

    /// <inheritdoc/>
    public override string ReaderId => Volatile.Read(ref _attached)?.ReaderId ?? _readerId;

    /// <summary>The reader that joined, or null.</summary>
    public ICredentialReader? Attached => Volatile.Read(ref _attached);

    /// <inheritdoc/>
    public override ReaderHealth Health => Volatile.Read(ref _attached)?.Health ?? new ReaderHealth(_readerId, ReaderState.Stopped, null, 0, 0, null);

    /// <summary>Forwards <paramref name="reader"/>'s credentials from now on.</summary>
    /// <exception cref="InvalidOperationException">A reader already joined.</exception>
    public void Attach(ICredentialReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (Interlocked.CompareExchange(ref _attached, reader, null) is not null)
        {
            throw new InvalidOperationException($"a reader already joined in place of {_readerId}");
        }

        reader.CredentialPresented += OnCredential;
        reader.KeyPressed += OnKey;
        reader.FrameRejected += OnRejected;
    }

    /// <inheritdoc/>
    /// <remarks>Waits for cancellation: the attached reader runs on its own.</remarks>
    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Stops forwarding; the attached reader is its owner's to dispose.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _attached, null) is { } reader)
        {
            reader.CredentialPresented -= OnCredential;
            reader.KeyPressed -= OnKey;
            reader.FrameRejected -= OnRejected;
        }
    }

    private void OnCredential(object? sender, CredentialPresented credential) => OnCredentialPresented(credential);

    private void OnKey(object? sender, KeyPressed key) => OnKeyPressed(key);

    private void OnRejected(object? sender, FrameRejected rejected) => OnFrameRejected(rejected);
}
