namespace GateController.Telemetry.Health;

/// <summary>Telemetry's own counters, reported in health.</summary>
/// <param name="QueuedEvents">Events waiting to be published.</param>
/// <param name="DroppedEvents">Non-alarm events dropped because the queue was full.</param>
/// <param name="DroppedAlarms">Alarms dropped (only when the queue is full of alarms).</param>
/// <param name="PublishedEvents">Events handed to the broker.</param>
public sealed record HealthTelemetryCounters(int QueuedEvents, long DroppedEvents, long DroppedAlarms, long PublishedEvents);
