using GateController.Core.Access;
using GateController.Core.Residents;

namespace GateController.Core.Events;

/// <summary>
/// A resident withdrew their face consent at the gate (PIPL art. 15, rule P4): the consent is withdrawn and the
/// templates are deleted from the store; drop the resident from the in-memory face index at once.
/// </summary>
/// <param name="DoorId">The door whose keypad the sequence was entered on.</param>
/// <param name="OccurredAt">When the withdrawal was carried out.</param>
/// <param name="ResidentId">Whose consent was withdrawn.</param>
public sealed record FaceConsentWithdrawnAtGate(DoorId DoorId, DateTimeOffset OccurredAt, ResidentId ResidentId)
    : AccessEvent(DoorId, OccurredAt);
