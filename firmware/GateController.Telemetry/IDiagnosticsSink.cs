using GateController.Telemetry.Events;

namespace GateController.Telemetry;

/// <summary>Where the door path reports events and health changes. Never blocks, never throws for the broker.</summary>
public interface IDiagnosticsSink
{
    /// <summary>Queues an event for publishing; returns at once whatever the broker is doing.</summary>
    void Enqueue(TelemetryEvent telemetryEvent);

    /// <summary>Says health changed (a door, reader or subsystem state); health is published soon.</summary>
    void NotifyHealthChanged();
}
