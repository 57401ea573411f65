using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>
/// Who may open the door: a pure function of what was presented, what the store found, the door's policy and the time.
/// It never throws on an unknown credential (that is a decision) and allocates nothing.
/// </summary>
public static class AccessPolicy
{
    /// <summary>
    /// Decides whether <paramref name="presented"/> opens the door governed by <paramref name="policy"/> at <paramref name="now"/>.
    /// Checks run in this order, the first failure deciding: method enabled at the door, keypad lockout, face liveness,
    /// credential known, face consent, resident moved out, validity window, visitor code uses, schedule, second factor.
    /// </summary>
    /// <param name="presented">What was presented.</param>
    /// <param name="lookup">What the store found for it, and the keypad lockout state.</param>
    /// <param name="policy">The door's policy.</param>
    /// <param name="now">The current time.</param>
    public static AccessDecision Decide(in PresentedCredential presented, in CredentialLookup lookup, DoorPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var method = ResolveMethod(presented, policy.Methods);
        if (method == AccessMethods.None)
        {
            return Refuse(AccessReason.MethodNotAllowed, method, null);
        }

        if (presented.UsesKeypad && lookup.KeypadLockedOut)
        {
            return Refuse(AccessReason.LockedOut, method, null);
        }

        if (presented.Kind == CredentialKind.Face && !presented.LivenessPassed)
        {
            return Refuse(AccessReason.LivenessFailed, method, null);
        }

        var resident = lookup.Resident;
        var credential = lookup.Credential;
        if (resident is null || credential is null || credential.Kind != presented.Kind || credential.ResidentId != resident.Id)
        {
            return Refuse(AccessReason.UnknownCredential, method, null);
        }

        if (presented.Kind == CredentialKind.Face && !lookup.HasActiveFaceConsent)
        {
            return Refuse(AccessReason.FaceNotConsented, method, null);
        }

        ResidentId? residentId = resident.Id;
        if (resident.Status != ResidentStatus.Active)
        {
            return Refuse(AccessReason.ResidentMovedOut, method, residentId);
        }

        switch (credential.Validity.Check(now))
        {
            case ValidityStatus.NotYetValid:
                return Refuse(AccessReason.NotYetValid, method, residentId);
            case ValidityStatus.Expired:
                return Refuse(AccessReason.Expired, method, residentId);
        }

        if (credential is VisitorCodeCredential { UsesRemaining: <= 0 })
        {
            return Refuse(AccessReason.VisitorCodeUsedUp, method, residentId);
        }

        if (!policy.IsWithinSchedule(now))
        {
            return Refuse(AccessReason.OutsideSchedule, method, residentId);
        }

        if (method == AccessMethods.CardAndPin || method == AccessMethods.CardAndFace)
        {
            var secondFactorReason = CheckSecondFactor(presented, lookup, method);
            if (secondFactorReason != AccessReason.Granted)
            {
                return Refuse(secondFactorReason, method, secondFactorReason == AccessReason.FaceNotConsented ? null : residentId);
            }
        }

        var duress = lookup.IsDuressPin && (method == AccessMethods.Pin || method == AccessMethods.CardAndPin);
        return new AccessDecision(AccessReason.Granted, method, residentId, duress);
    }

    /// <summary>The door method a presentation counts as, or <see cref="AccessMethods.None"/> when the door enables none that fits.</summary>
    internal static AccessMethods ResolveMethod(in PresentedCredential presented, AccessMethods enabled)
    {
        switch (presented.Kind)
        {
            case CredentialKind.Card:
                var preferred = presented.SecondFactor switch
                {
                    SecondFactorKind.Pin => AccessMethods.CardAndPin,
                    SecondFactorKind.Face => AccessMethods.CardAndFace,
                    _ => AccessMethods.Card,
                };
                if ((enabled & preferred) != 0)
                {
                    return preferred;
                }

                // A card alone, or with a second factor the door does not use: fall back to the card, then to a
                // two-factor method whose second factor is still missing.
                if ((enabled & AccessMethods.Card) != 0)
                {
                    return AccessMethods.Card;
                }

                if ((enabled & AccessMethods.CardAndPin) != 0)
                {
                    return AccessMethods.CardAndPin;
                }

                return enabled & AccessMethods.CardAndFace;
            case CredentialKind.Pin:
                return enabled & AccessMethods.Pin;
            case CredentialKind.Face:
                return enabled & AccessMethods.Face;
            case CredentialKind.VisitorCode:
                return enabled & AccessMethods.VisitorCode;
            default:
                return AccessMethods.None;
        }
    }

    private static AccessReason CheckSecondFactor(in PresentedCredential presented, in CredentialLookup lookup, AccessMethods method)
    {
        var expected = method == AccessMethods.CardAndPin ? SecondFactorKind.Pin : SecondFactorKind.Face;
        if (presented.SecondFactor != expected)
        {
            return AccessReason.SecondFactorRequired;
        }

        if (expected == SecondFactorKind.Face)
        {
            if (!lookup.HasActiveFaceConsent)
            {
                return AccessReason.FaceNotConsented;
            }

            if (!presented.LivenessPassed)
            {
                return AccessReason.LivenessFailed;
            }
        }

        return lookup.SecondFactor switch
        {
            SecondFactorOutcome.Matched => AccessReason.Granted,
            SecondFactorOutcome.Mismatched => AccessReason.SecondFactorWrong,
            _ => AccessReason.SecondFactorRequired,
        };
    }

    private static AccessDecision Refuse(AccessReason reason, AccessMethods method, ResidentId? residentId) =>
        new(reason, method, residentId, false);
}
