using GateController.Core.Access;

namespace GateController.Core.Events;

/// <summary>
/// Something that happened at a door's access point. Events name a resident by pseudonymous id at most:
/// they never carry a name, a card identifier, a PIN or face data, so they may be logged and published.
/// </summary>
/// <param name="DoorId">The door.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record AccessEvent(DoorId DoorId, DateTimeOffset OccurredAt);
