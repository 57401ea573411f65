namespace GateController.Core.Consents;

/// <summary>How a consent was given or withdrawn.</summary>
public enum ConsentChannel
{
    /// <summary>At the property office, on a signed paper form with a form number.</summary>
    Office = 0,

    /// <summary>At the gate itself: card or PIN plus a configured key sequence.</summary>
    Gate = 1,
}
