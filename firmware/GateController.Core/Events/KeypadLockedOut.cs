using GateController.Core.Access;

namespace GateController.Core.Events;

/// <summary>An alarm: a keypad locked after too many wrong PINs or codes (GB 50396: an alarm at five at most).</summary>
/// <param name="DoorId">The door.</param>
/// <param name="OccurredAt">When the keypad locked.</param>
/// <param name="KeypadId">The configured name of the keypad.</param>
/// <param name="WrongAttempts">Wrong attempts within the window that caused the lockout.</param>
/// <param name="LockedUntil">When the keypad accepts digits again.</param>
public sealed record KeypadLockedOut(DoorId DoorId, DateTimeOffset OccurredAt, string KeypadId, int WrongAttempts, DateTimeOffset LockedUntil)
    : AccessEvent(DoorId, OccurredAt);
