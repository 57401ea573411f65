using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.TestSupport;

/// <summary>
/// A reader whose events the test raises directly (keys, cards, refused frames), on the test's thread; healthy, and its
/// <see cref="RunAsync"/> returns at once. Shared by the test projects (linked, not referenced).
/// </summary>
internal sealed class ScriptedReader(string readerId) : ICredentialReader
{
    public event EventHandler<CredentialPresented>? CredentialPresented;

    public event EventHandler<KeyPressed>? KeyPressed;

    public event EventHandler<FrameRejected>? FrameRejected;

    public string ReaderId => readerId;

    public ReaderHealth Health { get; } = new(readerId, ReaderState.Ok, null, 0, 0, null);

    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Raises <see cref="KeyPressed"/> for <paramref name="key"/>.</summary>
    public void Key(char key, DateTimeOffset at) => KeyPressed?.Invoke(this, new KeyPressed(ReaderId, key, at));

    /// <summary>Raises <see cref="CredentialPresented"/> for a Wiegand 26 card <paramref name="uid"/>.</summary>
    public void Card(byte[] uid, DateTimeOffset at) =>
        CredentialPresented?.Invoke(this, Core.Readers.CredentialPresented.ForCard(ReaderId, CardFormat.Wiegand26, uid, at));

    /// <summary>Raises <see cref="FrameRejected"/> for a frame with bad parity.</summary>
    public void Reject(DateTimeOffset at) => FrameRejected?.Invoke(this, new FrameRejected(ReaderId, "parity", "bad", at));
}
