using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.TestSupport;

/// <summary>
/// A card reader ("front-card", Wiegand 26) that presents a card when the test taps it, or, built with a period, the
/// same card every period from its own loop. Shared by the test projects (linked, not referenced).
/// </summary>
internal sealed class ManualCardReader : ICredentialReader
{
    private readonly byte[]? _periodicUid;
    private readonly TimeSpan _period;
    private readonly TimeProvider _timeProvider;

    /// <summary>A reader that presents a card only on <see cref="Tap"/>.</summary>
    public ManualCardReader()
    {
        _timeProvider = TimeProvider.System;
    }

    /// <summary>A reader whose <see cref="RunAsync"/> presents <paramref name="uid"/> every <paramref name="period"/>.</summary>
    public ManualCardReader(byte[] uid, TimeSpan period, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _periodicUid = uid;
        _period = period;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string ReaderId => "front-card";

    public event EventHandler<CredentialPresented>? CredentialPresented;

    public event EventHandler<KeyPressed>? KeyPressed
    {
        add { }
        remove { }
    }

    public event EventHandler<FrameRejected>? FrameRejected
    {
        add { }
        remove { }
    }

    public ReaderHealth Health => new(ReaderId, ReaderState.Ok, null, 0, 0, null);

    /// <summary>Presents <paramref name="uid"/> as read at <paramref name="at"/>.</summary>
    public void Tap(byte[] uid, DateTimeOffset at) =>
        CredentialPresented?.Invoke(this, Core.Readers.CredentialPresented.ForCard(ReaderId, CardFormat.Wiegand26, uid, at));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_periodicUid is { } uid)
        {
            using var timer = new PeriodicTimer(_period, _timeProvider);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Tap(uid, _timeProvider.GetUtcNow());
            }

            return;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
