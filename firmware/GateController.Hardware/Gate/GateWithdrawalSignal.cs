using GateController.Core.Privacy;

namespace GateController.Hardware.Gate;

/// <summary>
/// What the withdrawal at the gate signals at the door: the outcome, the reason for a refusal (names nobody), and what
/// the LEDs and buzzer do. It carries no key, no PIN and no name.
/// </summary>
/// <param name="ReaderId">The keypad the keys came from.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Reason">Why an attempt was cancelled or rejected, or why nothing was withdrawn; null otherwise.</param>
/// <param name="Response">What the door shows: prompt, confirmed, denied, or nothing.</param>
/// <param name="At">When it happened.</param>
public sealed record GateWithdrawalSignal(string ReaderId, GateWithdrawalOutcomeKind Kind, string? Reason, DoorResponse Response, DateTimeOffset At);
