namespace GateController.Telemetry.Commands;

/// <summary>One command as the audit log records it (every command, accepted or not).</summary>
/// <param name="At">When it was answered.</param>
/// <param name="Command">The command name (as received, trimmed to 64 characters).</param>
/// <param name="TechnicianId">The authenticated technician, or null when authentication failed.</param>
/// <param name="Accepted">Whether it passed authentication and permission checks.</param>
/// <param name="Ok">Whether it succeeded.</param>
/// <param name="Outcome">The result or reason sent in the reply.</param>
public sealed record CommandAuditRecord(DateTimeOffset At, string Command, string? TechnicianId, bool Accepted, bool Ok, string Outcome);
