using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.Benchmarks.Face;

/// <summary>A card reader that presents the same card every <see cref="Period"/> from its own thread.</summary>
public sealed class CardStubReader : ICredentialReader
{
    /// <summary>The card presented.</summary>
    public static readonly byte[] Uid = [0x2A, 0x30, 0x39];

    /// <summary>Time between two cards.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc/>
    public string ReaderId => "front-card";

    /// <inheritdoc/>
    public event EventHandler<CredentialPresented>? CredentialPresented;

    /// <inheritdoc/>
    public event EventHandler<KeyPressed>? KeyPressed
    {
        add { }
        remove { }
    }

    /// <inheritdoc/>
    public event EventHandler<FrameRejected>? FrameRejected
    {
        add { }
        remove { }
    }

    /// <inheritdoc/>
    public ReaderHealth Health => new(ReaderId, ReaderState.Ok, null, 0, 0, null);

    /// <inheritdoc/>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            CredentialPresented?.Invoke(this, GateController.Core.Readers.CredentialPresented.ForCard(ReaderId, CardFormat.Wiegand26, Uid, DateTimeOffset.UtcNow));
        }
    }
}
