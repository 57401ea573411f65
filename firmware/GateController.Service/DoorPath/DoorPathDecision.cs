using GateController.Core.Access;
using GateController.Core.Credentials;

namespace GateController.Service.DoorPath;

/// <summary>One credential the door path decided on; no card identifier, PIN or name.</summary>
/// <param name="ReaderId">The reader it came from.</param>
/// <param name="Kind">Card, PIN, visitor code or face.</param>
/// <param name="Decision">The access gate's decision and the alarms it raised.</param>
/// <param name="DecidedAt">When it was decided.</param>
public sealed record DoorPathDecision(string ReaderId, CredentialKind Kind, GateDecision Decision, DateTimeOffset DecidedAt);
