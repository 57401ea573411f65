using GateController.Core.Access;
using GateController.Core.Residents;

namespace GateController.Core.Events;

/// <summary>
/// An access decision. A granted duress entry looks like any other grant here (the alarm is silent and travels as
/// <see cref="DuressAlarmRaised"/>); a face without consent is reported as an unknown credential naming nobody.
/// </summary>
/// <param name="DoorId">The door.</param>
/// <param name="OccurredAt">When the decision was made.</param>
/// <param name="Reason">Why the door opened or not.</param>
/// <param name="Method">The method the presentation was judged as.</param>
/// <param name="ResidentId">The credential holder, when known and nameable.</param>
public sealed record AccessDecided(DoorId DoorId, DateTimeOffset OccurredAt, AccessReason Reason, AccessMethods Method, ResidentId? ResidentId)
    : AccessEvent(DoorId, OccurredAt)
{
    /// <summary>The event for <paramref name="decision"/> at <paramref name="doorId"/>.</summary>
    public static AccessDecided From(DoorId doorId, DateTimeOffset occurredAt, AccessDecision decision) =>
        decision.Reason == AccessReason.FaceNotConsented
            ? new AccessDecided(doorId, occurredAt, AccessReason.UnknownCredential, decision.Method, null)
            : new AccessDecided(doorId, occurredAt, decision.Reason, decision.Method, decision.ResidentId);
}
