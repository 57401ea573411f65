namespace GateController.Telemetry.Commands;

/// <summary>The JSON reply on <c>…/reply/&lt;name&gt;</c>: a result or the reason there is none.</summary>
/// <param name="Command">The command name.</param>
/// <param name="Nonce">The request's nonce when it could be read.</param>
/// <param name="Ok">Whether the command ran and succeeded.</param>
/// <param name="Result">What it did.</param>
/// <param name="Reason">Why it was refused or failed.</param>
/// <param name="At">When the unit answered.</param>
public sealed record CommandReply(string Command, string? Nonce, bool Ok, string? Result, string? Reason, DateTimeOffset At);
