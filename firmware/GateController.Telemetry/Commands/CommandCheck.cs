namespace GateController.Telemetry.Commands;

/// <summary>The result of <see cref="CommandProcessor.Check"/>: an accepted command, or a refusal with its reply.</summary>
/// <param name="Command">The command name.</param>
/// <param name="Nonce">The request nonce, when valid.</param>
/// <param name="TechnicianId">The authenticated technician, if any.</param>
/// <param name="MayReleaseDoor">Whether that technician holds the door-release permission.</param>
/// <param name="Argument">The command argument.</param>
/// <param name="Refusal">The reply when refused; null when accepted.</param>
public sealed record CommandCheck(string Command, string? Nonce, string? TechnicianId, bool MayReleaseDoor, string? Argument, CommandReply? Refusal)
{
    /// <summary>Whether the command passed every check.</summary>
    public bool Accepted => Refusal is null;
}
