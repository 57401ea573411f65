using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Hardware.Gate;

namespace GateController.Service.DoorPath;

/// <summary>One access decision of the door path: the core's decision, what the door does, and the alarms it raised.</summary>
/// <param name="Decision">The access core's decision.</param>
/// <param name="Response">What the door is told to do.</param>
/// <param name="Alarms">Alarms raised by recording the attempt (keypad lockout, duress).</param>
public sealed record GateDecision(AccessDecision Decision, DoorResponse Response, IReadOnlyList<AccessEvent> Alarms);
