using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Hardware.Gate;
using GateController.Storage;

namespace GateController.Service.DoorPath;

/// <summary>
/// Access decisions from the store: the card or PIN is looked up, the keypad lockout added, and
/// <see cref="AccessPolicy.Decide"/> judges it under the door's policy; the attempt is recorded for the lockout.
/// Cards and PINs only (a face names its resident; visitor codes are not in this store's lookups): anything else is an
/// unknown credential.
/// </summary>
public sealed class StoreGateDecider : IGateDecider
{
    private readonly IGateStore _store;
    private readonly DoorPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly PinAttemptTracker _pinAttempts;

    /// <summary>Decides from <paramref name="store"/> under <paramref name="policy"/>.</summary>
    public StoreGateDecider(IGateStore store, DoorPolicy policy, PinAttemptOptions pinAttempts, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(pinAttempts);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _policy = policy;
        _timeProvider = timeProvider;
        _pinAttempts = new PinAttemptTracker(timeProvider, pinAttempts);
    }

    /// <inheritdoc/>
    public DoorId DoorId => _policy.DoorId;

    /// <inheritdoc/>
    public GateDecision Decide(CredentialPresented credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var now = _timeProvider.GetUtcNow();
        var presented = PresentedCredential.From(credential);
        var lookup = Lookup(credential) with { KeypadLockedOut = _pinAttempts.IsLockedOut(credential.ReaderId) };
        var decision = AccessPolicy.Decide(presented, lookup, _policy, now);
        var alarm = _pinAttempts.Record(_policy.DoorId, credential.ReaderId, presented, decision);
        return new GateDecision(decision, DoorResponses.From(decision, alarm is Core.Events.KeypadLockedOut), alarm is null ? [] : [alarm]);
    }

    private CredentialLookup Lookup(CredentialPresented credential)
    {
        switch (credential.Kind)
        {
            case CredentialKind.Card when _store.TryFindCard(credential.CardFormat, credential.CardUid, out var card)
                && _store.TryGetResident(card.Resident, out var holder):
                return CredentialLookup.Found(holder, new CardCredential(card.Resident, card.Format, credential.CardUid, ValidityWindow.Always));
            case CredentialKind.Pin when _store.TryFindResidentByPin(credential.Digits, out var id) && _store.TryGetResident(id, out var holder):
                return CredentialLookup.Found(holder, new PinCredential(id, ValidityWindow.Always));
            case CredentialKind.Face when credential.FaceResident is { } face && _store.TryGetResident(face, out var holder):
                return CredentialLookup.Found(holder, new FaceCredential(face, default, ValidityWindow.Always)) with { HasActiveFaceConsent = HasFaceConsent(face) };
            default:
                return CredentialLookup.NotFound;
        }
    }

    private bool HasFaceConsent(ResidentId resident) =>
        _store.ListConsents(resident).Any(c => c.Kind == ConsentKind.Face && c.IsActive);
}
