using GateController.Telemetry.Events;

namespace GateController.Cli.Diag;

/// <summary>An alarm received from a unit.</summary>
/// <param name="UnitId">The unit that raised it.</param>
/// <param name="Event">The event document.</param>
internal sealed record DiagAlarm(string UnitId, EventDocument Event);
