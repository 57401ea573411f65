namespace GateController.Core.Door;

/// <summary>
/// One change at the door. It carries no personal data: who was granted is recorded by the access
/// decision's own event, never here.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When it happened, from the state machine's <see cref="TimeProvider"/>.</param>
/// <param name="Cause">Why the door unlocked or relocked; <see cref="DoorEventCause.None"/> otherwise.</param>
/// <param name="Duration">For <see cref="DoorEventKind.ManualRelease"/> the release length, for
/// <see cref="DoorEventKind.Unlocked"/> the pulse length; zero otherwise.</param>
public readonly record struct DoorEvent(DoorEventKind Kind, DateTimeOffset OccurredAt, DoorEventCause Cause, TimeSpan Duration);
