using GateController.Core.Access;
using GateController.Core.Residents;

namespace GateController.Core.Events;

/// <summary>A silent alarm: the door was opened with a duress PIN. No local signal may reveal it.</summary>
/// <param name="DoorId">The door.</param>
/// <param name="OccurredAt">When the door was opened.</param>
/// <param name="ResidentId">The resident whose PIN was used in its duress form.</param>
public sealed record DuressAlarmRaised(DoorId DoorId, DateTimeOffset OccurredAt, ResidentId? ResidentId)
    : AccessEvent(DoorId, OccurredAt);
