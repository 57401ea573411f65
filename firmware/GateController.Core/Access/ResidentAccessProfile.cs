using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>Which credentials a resident holds, so a door policy can be checked for leaving anyone with face only (P1).</summary>
/// <param name="Id">The resident.</param>
/// <param name="Status">Active or moved out; only active residents are checked.</param>
/// <param name="HasCard">The resident holds a valid card.</param>
/// <param name="HasPin">The resident has a PIN.</param>
/// <param name="HasConsentedFace">The resident has a face template under an active consent.</param>
public readonly record struct ResidentAccessProfile(ResidentId Id, ResidentStatus Status, bool HasCard, bool HasPin, bool HasConsentedFace)
{
    /// <summary>The methods this resident can use at a door that enables <paramref name="enabled"/>.</summary>
    public AccessMethods UsableMethods(AccessMethods enabled)
    {
        var usable = AccessMethods.None;
        if (HasCard)
        {
            usable |= AccessMethods.Card;
        }

        if (HasPin)
        {
            usable |= AccessMethods.Pin;
        }

        if (HasCard && HasPin)
        {
            usable |= AccessMethods.CardAndPin;
        }

        if (HasConsentedFace)
        {
            usable |= AccessMethods.Face;
        }

        if (HasCard && HasConsentedFace)
        {
            usable |= AccessMethods.CardAndFace;
        }

        return usable & enabled;
    }
}
