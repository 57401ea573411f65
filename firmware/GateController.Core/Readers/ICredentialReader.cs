namespace GateController.Core.Readers;

/// <summary>
/// One contract for every reader family. Implementations raise events from their own loop; handlers
/// must be quick and must not throw (the reader catches and counts exceptions from handlers).
/// </summary>
public interface ICredentialReader
{
    /// <summary>The configured name of this reader.</summary>
    string ReaderId { get; }

    /// <summary>A complete card or PIN.</summary>
    event EventHandler<CredentialPresented>? CredentialPresented;

    /// <summary>A single key, for PIN assembly and key sequences after a credential.</summary>
    event EventHandler<KeyPressed>? KeyPressed;

    /// <summary>A frame that was refused, with its reason.</summary>
    event EventHandler<FrameRejected>? FrameRejected;

    /// <summary>Current health snapshot.</summary>
    ReaderHealth Health { get; }

    /// <summary>Opens the device and reads until <paramref name="cancellationToken"/> is cancelled; faults are retried with back-off.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
