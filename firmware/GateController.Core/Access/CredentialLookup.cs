using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>
/// What the store and the keypad tracker found for a presentation: the credential and its holder (or nothing),
/// the holder's face consent, the second-factor check, whether the PIN matched in its duress form, and the keypad lockout.
/// <c>default</c> means nothing was found and the keypad is not locked.
/// </summary>
public readonly struct CredentialLookup
{
    /// <summary>Nothing matched.</summary>
    public static CredentialLookup NotFound => default;

    /// <summary>The credential's holder (for a visitor code: the resident who issued it), or null when nothing matched.</summary>
    public Resident? Resident { get; init; }

    /// <summary>The matching credential, or null when nothing matched.</summary>
    public CredentialRecord? Credential { get; init; }

    /// <summary>True when the holder has an active face consent (P2).</summary>
    public bool HasActiveFaceConsent { get; init; }

    /// <summary>The result of checking the second factor after a card.</summary>
    public SecondFactorOutcome SecondFactor { get; init; }

    /// <summary>True when the PIN typed is the holder's PIN under the configured duress transformation.</summary>
    public bool IsDuressPin { get; init; }

    /// <summary>True when the keypad the digits came from is locked out.</summary>
    public bool KeypadLockedOut { get; init; }

    /// <summary>True when a credential and its holder were found.</summary>
    public bool IsFound => Resident is not null && Credential is not null;

    /// <summary>A lookup that found <paramref name="credential"/> held by <paramref name="resident"/>.</summary>
    public static CredentialLookup Found(Resident resident, CredentialRecord credential)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(credential);
        return new CredentialLookup { Resident = resident, Credential = credential };
    }
}
