using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Service.DoorPath;
using GateController.Service.Health;
using GateController.Telemetry;
using GateController.Telemetry.Events;
using Microsoft.Extensions.Hosting;

namespace GateController.Service.Hosting;

/// <summary>
/// Feeds the telemetry from the door path once it is live: access decisions and alarms (mapped without names, UIDs or
/// PINs, P7), door events, health changes; and keeps "mqtt" in the degraded registry while the broker is unreachable.
/// The door path never waits for the broker: events are queued by the telemetry.
/// </summary>
public sealed class TelemetryBridgeService : BackgroundService
{
    private readonly TelemetryService _telemetry;
    private readonly ServiceReadiness _readiness;
    private readonly DegradedSubsystems _degraded;
    private GateDoorPath? _doorPath;

    /// <summary>Creates the bridge.</summary>
    public TelemetryBridgeService(TelemetryService telemetry, ServiceReadiness readiness, DegradedSubsystems degraded)
    {
        _telemetry = telemetry;
        _readiness = readiness;
        _degraded = degraded;
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        Unsubscribe();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _degraded.MarkDegraded("mqtt", "not connected to the broker yet");
        _telemetry.ConnectionChanged += OnConnectionChanged;
        _degraded.Changed += OnDegradedChanged;
        try
        {
            _doorPath = await _readiness.DoorPath.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (_doorPath is not null)
        {
            _doorPath.Decided += OnDecided;
            _doorPath.DoorEventRaised += OnDoorEvent;
            _doorPath.FaceConsentWithdrawn += OnFaceConsentWithdrawn;
        }

        _telemetry.NotifyHealthChanged();
    }

    private void Unsubscribe()
    {
        _telemetry.ConnectionChanged -= OnConnectionChanged;
        _degraded.Changed -= OnDegradedChanged;
        if (_doorPath is not null)
        {
            _doorPath.Decided -= OnDecided;
            _doorPath.DoorEventRaised -= OnDoorEvent;
            _doorPath.FaceConsentWithdrawn -= OnFaceConsentWithdrawn;
        }
    }

    /// <summary>A withdrawal at the gate: an event with the resident's id only when configured, and fresh store counts in health.</summary>
    private void OnFaceConsentWithdrawn(object? sender, FaceConsentWithdrawnAtGate withdrawn)
    {
        _telemetry.Enqueue(TelemetryEventMapper.Map(withdrawn));
        _telemetry.NotifyHealthChanged();
    }

    private void OnConnectionChanged(object? sender, EventArgs e)
    {
        if (_telemetry.IsConnected)
        {
            _degraded.MarkHealthy("mqtt");
        }
        else
        {
            _degraded.MarkDegraded("mqtt", _telemetry.LastError ?? "the broker is unreachable");
        }
    }

    private void OnDegradedChanged(object? sender, EventArgs e) => _telemetry.NotifyHealthChanged();

    private void OnDecided(object? sender, DoorPathDecision decision)
    {
        var access = decision.Decision.Decision;
        if (access.Reason != AccessReason.FaceNotConsented)
        {
            _telemetry.Enqueue(TelemetryEventMapper.Map(AccessDecided.From(_doorPath!.DoorId, decision.DecidedAt, access)));
        }

        foreach (var alarm in decision.Decision.Alarms)
        {
            _telemetry.Enqueue(TelemetryEventMapper.Map(alarm));
        }
    }

    private void OnDoorEvent(object? sender, DoorEvent doorEvent)
    {
        if (TelemetryEventMapper.TryMap(doorEvent, _doorPath!.DoorId, out var mapped))
        {
            _telemetry.Enqueue(mapped);
        }

        _telemetry.NotifyHealthChanged();
    }
}
