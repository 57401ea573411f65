namespace GateController.Storage.Records;

/// <summary>A technician allowed to sign MQTT commands, as listed: never the key.</summary>
/// <param name="TechnicianId">The id the technician signs as.</param>
/// <param name="MayReleaseDoor">Whether they may release the door (and drive the relay in self-test).</param>
/// <param name="CreatedAt">When the technician was added.</param>
/// <param name="LastUsedAt">When a command they signed was last verified, or null.</param>
public sealed record TechnicianRecord(string TechnicianId, bool MayReleaseDoor, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
