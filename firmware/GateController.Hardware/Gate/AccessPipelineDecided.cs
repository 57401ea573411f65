using GateController.Core.Credentials;

namespace GateController.Hardware.Gate;

/// <summary>
/// One credential handled by the <see cref="AccessPipeline"/>. It carries no card identifier, PIN or name.
/// </summary>
/// <param name="ReaderId">The reader the credential came from.</param>
/// <param name="Kind">Card, PIN or visitor code.</param>
/// <param name="Response">What the door was told to do.</param>
/// <param name="PresentedAt">When the reader completed the credential.</param>
/// <param name="DecidedAt">When the door was told, on the pipeline's clock.</param>
public sealed record AccessPipelineDecided(string ReaderId, CredentialKind Kind, DoorResponse Response, DateTimeOffset PresentedAt, DateTimeOffset DecidedAt);
