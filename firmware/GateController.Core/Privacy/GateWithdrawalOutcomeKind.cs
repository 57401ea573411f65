namespace GateController.Core.Privacy;

/// <summary>What one input to <see cref="GateWithdrawalSequence"/> led to.</summary>
public enum GateWithdrawalOutcomeKind
{
    /// <summary>Nothing to signal (idle key, or a credential that armed the sequence).</summary>
    None = 0,

    /// <summary>A correct key of the sequence; more to come.</summary>
    Progress = 1,

    /// <summary>The sequence is complete: signal "confirm?" and wait for the confirmation key.</summary>
    AwaitingConfirmation = 2,

    /// <summary>Confirmed: <see cref="GateWithdrawalOutcome.Request"/> must be carried out now.</summary>
    Requested = 3,

    /// <summary>A wrong or late key ended the attempt; nothing was requested.</summary>
    Cancelled = 4,

    /// <summary>The sequence was entered without an acceptable credential; nothing was requested.</summary>
    Rejected = 5,
}
