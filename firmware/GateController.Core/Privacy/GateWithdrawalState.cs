namespace GateController.Core.Privacy;

/// <summary>Where <see cref="GateWithdrawalSequence"/> stands.</summary>
public enum GateWithdrawalState
{
    /// <summary>No recent credential; keys are ignored (they may be a PIN being typed).</summary>
    Idle = 0,

    /// <summary>A card or PIN identified a resident; keys are matched against the sequence.</summary>
    EnteringSequence = 1,

    /// <summary>The sequence was entered; waiting for the confirmation key.</summary>
    AwaitingConfirmation = 2,

    /// <summary>A credential identified nobody; a sequence entered now is rejected.</summary>
    AfterUnknownCredential = 3,
}
