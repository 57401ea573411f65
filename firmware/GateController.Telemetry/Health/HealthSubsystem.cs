namespace GateController.Telemetry.Health;

/// <summary>A subsystem running degraded and its last error (no personal data in the text).</summary>
/// <param name="Name">Subsystem, e.g. "face", "camera", "reader:front".</param>
/// <param name="LastError">What went wrong last.</param>
/// <param name="Since">Since when it is degraded.</param>
public sealed record HealthSubsystem(string Name, string LastError, DateTimeOffset? Since);
