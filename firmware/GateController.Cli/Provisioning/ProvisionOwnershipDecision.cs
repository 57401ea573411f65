namespace GateController.Cli.Provisioning;

/// <summary>Who gets the provisioned files, with a note for the installer or the reason the request is refused.</summary>
/// <param name="Owner">The user and group to give the files to; null leaves them to the user running gatectl.</param>
/// <param name="Note">A warning worth printing (for example: the files stay root's), or null.</param>
/// <param name="Error">Why the requested owner is refused (a usage error), or null.</param>
internal sealed record ProvisionOwnershipDecision(UnixAccount? Owner, string? Note, string? Error);
