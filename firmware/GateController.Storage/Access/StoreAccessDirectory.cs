using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Storage.Access;

/// <summary>
/// The <see cref="IAccessDirectory"/> an <see cref="AccessGate"/> decides over in the service: every question goes to the
/// <see cref="IGateStore"/> (cards and PINs by keyed hash, visitor codes by keyed hash, residents, consents, face template
/// references). It caches nothing, so nothing secret is held in plaintext and a change in the store applies to the next
/// decision. A resident's access group comes with them (null: the door's default policy); the gate binds the group's
/// policy, and refuses a group it has no policy for.
/// Thread-safe as the store is.
/// </summary>
public sealed class StoreAccessDirectory : IAccessDirectory
{
    private readonly IGateStore _store;

    /// <summary>Creates the directory over <paramref name="store"/> (not owned: the caller disposes it).</summary>
    public StoreAccessDirectory(IGateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public CardCredential? FindCard(CardFormat format, ReadOnlySpan<byte> uid) =>
        _store.TryFindCard(format, uid, out var card) ? new CardCredential(card.Resident, format, uid, ValidityWindow.Always) : null;

    /// <inheritdoc />
    public PinCredential? FindPinHolder(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return _store.TryFindResidentByPin(pin, out var holder) ? new PinCredential(holder, ValidityWindow.Always) : null;
    }

    /// <inheritdoc />
    public bool VerifyPin(ResidentId residentId, string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return _store.VerifyPin(residentId, pin);
    }

    /// <inheritdoc />
    public VisitorCodeCredential? FindVisitorCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _store.TryFindVisitorCode(code, out var record) ? record.ToCredential() : null;
    }

    /// <inheritdoc />
    public bool TryConsumeVisitorCode(string code, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _store.TryConsumeVisitorCode(code, at, out _);
    }

    /// <inheritdoc />
    public DirectoryResident? FindResident(ResidentId residentId) =>
        !string.IsNullOrEmpty(residentId.Value) && _store.TryGetResidentWithAccessGroup(residentId, out var resident, out var group)
            ? new DirectoryResident(resident, group)
            : null;

    /// <inheritdoc />
    public bool HasActiveFaceConsent(ResidentId residentId, DateTimeOffset at) => _store.HasActiveConsent(residentId, ConsentKind.Face, at);

    /// <inheritdoc />
    public FaceCredential? FindFace(ResidentId residentId) =>
        _store.TryFindFaceTemplate(residentId, out var templateId) ? new FaceCredential(residentId, templateId, ValidityWindow.Always) : null;

    /// <inheritdoc />
    public bool WithdrawFaceConsentAtGate(ResidentId residentId, DateTimeOffset at)
    {
        if (!_store.HasActiveConsent(residentId, ConsentKind.Face, at))
        {
            return false;
        }

        try
        {
            // One transaction: the consent is marked withdrawn (channel Gate), the templates and data key deleted, audited.
            _store.WithdrawConsent(residentId, ConsentKind.Face, ConsentChannel.Gate, null);
        }
        catch (StoreException ex) when (ex.Code is StoreErrorCode.NoActiveConsent or StoreErrorCode.UnknownResident)
        {
            return false;
        }

        return true;
    }
}
