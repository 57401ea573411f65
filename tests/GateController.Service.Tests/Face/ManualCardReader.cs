using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.Service.Tests.Face;

/// <summary>A card reader the test taps.</summary>
internal sealed class ManualCardReader : ICredentialReader
{
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

    public void Tap(byte[] uid, DateTimeOffset at) =>
        CredentialPresented?.Invoke(this, Core.Readers.CredentialPresented.ForCard(ReaderId, CardFormat.Wiegand26, uid, at));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
