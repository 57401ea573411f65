namespace GateController.Service.Health;

/// <summary>One subsystem's state in the <see cref="DegradedSubsystems"/> registry.</summary>
/// <param name="Name">The subsystem: "face", "camera", "mqtt", "store", "reader:&lt;id&gt;".</param>
/// <param name="Degraded">Whether it runs degraded now.</param>
/// <param name="LastError">What went wrong last (never personal data), or null.</param>
/// <param name="Since">Since when it is in this state.</param>
public sealed record SubsystemState(string Name, bool Degraded, string? LastError, DateTimeOffset Since);
