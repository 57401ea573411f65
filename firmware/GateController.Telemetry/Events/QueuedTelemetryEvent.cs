namespace GateController.Telemetry.Events;

/// <summary>An event in the outbox with its sequence number.</summary>
/// <param name="Sequence">Increasing from 1 in enqueue order.</param>
/// <param name="Event">The event.</param>
public readonly record struct QueuedTelemetryEvent(long Sequence, TelemetryEvent Event);
