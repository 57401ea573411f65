using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>
/// What a door's <see cref="AccessGate"/> needs from the unit's directory of residents and credentials. Lookups take
/// the presented secret (card UID, PIN or visitor code digits) and answer with the credential and its holder, never
/// with the secret. The gate itself handles duress PINs (it asks <see cref="FindPinHolder"/> again with the reverted
/// digits), the card waiting for its second factor, and the keypad lockout.
/// </summary>
public interface IAccessDirectory
{
    /// <summary>The card registered as <paramref name="format"/> and <paramref name="uid"/>, or null when there is none.</summary>
    CardCredential? FindCard(CardFormat format, ReadOnlySpan<byte> uid);

    /// <summary>The PIN credential whose digits are exactly <paramref name="pin"/>, naming its holder, or null.</summary>
    PinCredential? FindPinHolder(string pin);

    /// <summary>True when <paramref name="pin"/> is exactly <paramref name="residentId"/>'s PIN (card plus PIN).</summary>
    bool VerifyPin(ResidentId residentId, string pin);

    /// <summary>The visitor code issued as <paramref name="code"/> and not revoked, with its uses so far, or null.</summary>
    VisitorCodeCredential? FindVisitorCode(string code);

    /// <summary>
    /// Counts one use of the visitor code <paramref name="code"/> at <paramref name="at"/>, atomically: false when the
    /// code is unknown, revoked, outside its validity window or has no use left (nothing is changed then).
    /// </summary>
    bool TryConsumeVisitorCode(string code, DateTimeOffset at);

    /// <summary>The resident with <paramref name="residentId"/> and their access group, or null when there is none.</summary>
    DirectoryResident? FindResident(ResidentId residentId);

    /// <summary>True when <paramref name="residentId"/> has a face consent active at <paramref name="at"/> (P2).</summary>
    bool HasActiveFaceConsent(ResidentId residentId, DateTimeOffset at);

    /// <summary>A reference to <paramref name="residentId"/>'s enrolled face template, or null when they have none.</summary>
    FaceCredential? FindFace(ResidentId residentId);

    /// <summary>
    /// Withdraws <paramref name="residentId"/>'s face consent through the gate channel at <paramref name="at"/> and deletes their
    /// face templates at once (P4), audited; false when they had no active face consent (nothing is changed then).
    /// </summary>
    bool WithdrawFaceConsentAtGate(ResidentId residentId, DateTimeOffset at);
}
