using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.Core.Access;

/// <summary>
/// What was presented at a door, without the secret itself (the store matched UID or PIN digits already):
/// the primary credential's kind, any second factor after a card, and the face liveness result.
/// </summary>
public readonly struct PresentedCredential
{
    /// <summary>Creates a presentation; a second factor is only possible after a card.</summary>
    /// <param name="kind">The primary credential.</param>
    /// <param name="secondFactor">What followed a card, if anything.</param>
    /// <param name="livenessPassed">For a face (primary or second factor): whether the anti-spoofing check passed.</param>
    public PresentedCredential(CredentialKind kind, SecondFactorKind secondFactor, bool livenessPassed)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown credential kind");
        }

        if (!Enum.IsDefined(secondFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(secondFactor), secondFactor, "unknown second factor");
        }

        if (secondFactor != SecondFactorKind.None && kind != CredentialKind.Card)
        {
            throw new ArgumentException("only a card can be followed by a second factor", nameof(secondFactor));
        }

        Kind = kind;
        SecondFactor = secondFactor;
        LivenessPassed = livenessPassed;
    }

    /// <summary>The primary credential.</summary>
    public CredentialKind Kind { get; }

    /// <summary>What followed a card.</summary>
    public SecondFactorKind SecondFactor { get; }

    /// <summary>Whether the face liveness check passed (meaningful when a face is involved).</summary>
    public bool LivenessPassed { get; }

    /// <summary>True when digits were typed on a keypad, so a keypad lockout applies.</summary>
    public bool UsesKeypad => Kind is CredentialKind.Pin or CredentialKind.VisitorCode || SecondFactor == SecondFactorKind.Pin;

    /// <summary>A card alone.</summary>
    public static PresentedCredential Card() => new(CredentialKind.Card, SecondFactorKind.None, false);

    /// <summary>A card followed by a PIN.</summary>
    public static PresentedCredential CardWithPin() => new(CredentialKind.Card, SecondFactorKind.Pin, false);

    /// <summary>A card followed by a face verification.</summary>
    public static PresentedCredential CardWithFace(bool livenessPassed) => new(CredentialKind.Card, SecondFactorKind.Face, livenessPassed);

    /// <summary>A PIN alone.</summary>
    public static PresentedCredential Pin() => new(CredentialKind.Pin, SecondFactorKind.None, false);

    /// <summary>A face alone (1:N).</summary>
    public static PresentedCredential Face(bool livenessPassed) => new(CredentialKind.Face, SecondFactorKind.None, livenessPassed);

    /// <summary>A visitor code.</summary>
    public static PresentedCredential VisitorCode() => new(CredentialKind.VisitorCode, SecondFactorKind.None, false);

    /// <summary>The presentation a reader delivered (card, PIN or visitor code), with no second factor.</summary>
    public static PresentedCredential From(CredentialPresented credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new PresentedCredential(credential.Kind, SecondFactorKind.None, credential.Kind == CredentialKind.Face && credential.FaceLivenessPassed);
    }
}
