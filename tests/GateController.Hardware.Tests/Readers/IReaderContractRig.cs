using GateController.Core.Readers;

namespace GateController.Hardware.Tests.Readers;

/// <summary>
/// Drives one reader implementation for <see cref="CredentialReaderContractTests"/>: each method returns once the
/// reader has had the chance to observe the change (a poll, a read), so the suite can assert right after.
/// </summary>
public interface IReaderContractRig : IDisposable
{
    /// <summary>The reader under test.</summary>
    ICredentialReader Reader { get; }

    /// <summary>Starts <see cref="ICredentialReader.RunAsync"/> and waits until the device is open.</summary>
    void Start();

    /// <summary>Presents card number <paramref name="card"/> (1–20; each a distinct card).</summary>
    void PresentCard(int card);

    /// <summary>Lets time pass with the card still presented (several polls for a field reader).</summary>
    void HoldCard();

    /// <summary>Takes the card away and lets the reader notice.</summary>
    void RemoveCard();

    /// <summary>Sends something that must not become a credential (a corrupted frame, a person typing…).</summary>
    void SendGarbage();

    /// <summary>Unplugs the device (or its bus) and waits until the reader has noticed.</summary>
    void DisconnectDevice();

    /// <summary>Plugs it back and waits until the reader has reopened it.</summary>
    void ReconnectDevice();

    /// <summary>The UID, as <see cref="Core.Readers.CredentialPresented.CardUidHex"/>, the reader must report for <paramref name="card"/>.</summary>
    string ExpectedUidHex(int card);
}
