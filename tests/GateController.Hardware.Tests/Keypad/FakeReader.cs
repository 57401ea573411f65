using GateController.Core.Readers;

namespace GateController.Hardware.Tests.Keypad;

/// <summary>A reader whose events the test raises directly.</summary>
internal sealed class FakeReader : ICredentialReader
{
    public event EventHandler<CredentialPresented>? CredentialPresented;

    public event EventHandler<KeyPressed>? KeyPressed;

    public event EventHandler<FrameRejected>? FrameRejected;

    public string ReaderId => "keypad";

    public ReaderHealth Health { get; } = new("keypad", ReaderState.Ok, null, 0, 0, null);

    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Key(char key, DateTimeOffset at) => KeyPressed?.Invoke(this, new KeyPressed(ReaderId, key, at));

    public void Card(DateTimeOffset at) => CredentialPresented?.Invoke(this, Core.Readers.CredentialPresented.ForCard(ReaderId, Core.Credentials.CardFormat.Wiegand26, [1, 2, 3], at));

    public void Reject(DateTimeOffset at) => FrameRejected?.Invoke(this, new FrameRejected(ReaderId, "parity", "bad", at));
}
