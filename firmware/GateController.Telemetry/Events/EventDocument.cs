using GateController.Core.Credentials;

namespace GateController.Telemetry.Events;

/// <summary>The wire form of an event on <c>…/events</c>.</summary>
/// <param name="Sequence">Increasing per unit since start; gaps show dropped events.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Alarm">Whether it is an alarm.</param>
/// <param name="At">When.</param>
/// <param name="Door">The door.</param>
/// <param name="Method">Credential kind, if any.</param>
/// <param name="Resident">Pseudonymous resident id, only when configured.</param>
/// <param name="Reason">Reason code.</param>
public sealed record EventDocument(long Sequence, TelemetryEventKind Kind, bool Alarm, DateTimeOffset At, string Door, CredentialKind? Method, string? Resident, string? Reason)
{
    /// <summary>Maps an event, dropping the resident id unless <paramref name="includeResidentId"/>.</summary>
    public static EventDocument From(TelemetryEvent telemetryEvent, long sequence, bool includeResidentId)
    {
        ArgumentNullException.ThrowIfNull(telemetryEvent);
        return new EventDocument(
            sequence,
            telemetryEvent.Kind,
            telemetryEvent.IsAlarm,
            telemetryEvent.OccurredAt,
            telemetryEvent.DoorId,
            telemetryEvent.Method,
            includeResidentId ? telemetryEvent.ResidentId?.Value : null,
            telemetryEvent.Reason);
    }
}
