namespace GateController.Core.Privacy;

/// <summary>The result of one input to <see cref="GateWithdrawalSequence"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Reason">Why an attempt was cancelled or rejected; null otherwise. Names no person.</param>
/// <param name="Request">The withdrawal to carry out, when <paramref name="Kind"/> is Requested.</param>
public sealed record GateWithdrawalOutcome(GateWithdrawalOutcomeKind Kind, string? Reason, WithdrawalRequested? Request)
{
    /// <summary>Nothing to signal.</summary>
    public static GateWithdrawalOutcome Nothing { get; } = new(GateWithdrawalOutcomeKind.None, null, null);
}
