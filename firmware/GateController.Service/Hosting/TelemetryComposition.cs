using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Service.Configuration;
using GateController.Service.Health;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Health;

namespace GateController.Service.Hosting;

/// <summary>
/// Builds the <see cref="TelemetryService"/> from the <c>Telemetry</c> section: the unit id (configured, or the one
/// <c>gatectl provision</c> wrote next to the key), the health document's sources (door, readers, store counts, face,
/// degraded subsystems), the command handlers (self-test, door release, reload) and their audit in the store.
/// </summary>
public static class TelemetryComposition
{
    /// <summary>The file <c>gatectl provision</c> writes the unit id to, next to the device key.</summary>
    public const string UnitIdFileName = "unit-id";

    /// <summary>The telemetry service, or null with the reason marked degraded ("mqtt") when it cannot run.</summary>
    /// <remarks>
    /// The technicians' keys come from the store at start and again whenever one is added or removed (no restart); a
    /// command whose signature was verified records the technician's last use. <paramref name="reloader"/>, when given,
    /// answers <c>reload-configuration</c>.
    /// </remarks>
    public static TelemetryService? TryCreate(
        GateControllerOptions options, IGateStore store, ServiceReadiness readiness, DegradedSubsystems degraded, TimeProvider timeProvider,
        ConfigurationReloader? reloader = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(degraded);
        var unitId = options.Telemetry.UnitId;
        if (string.IsNullOrEmpty(unitId))
        {
            var unitFile = Path.Combine(Path.GetDirectoryName(options.Store.KeyFile) ?? "/", UnitIdFileName);
            unitId = File.Exists(unitFile) ? File.ReadAllText(unitFile).Trim() : string.Empty;
        }

        var telemetryOptions = options.Telemetry.ToTelemetryOptions(unitId, SystemHealthProbe.FirmwareVersion);
        var problems = telemetryOptions.Validate();
        if (problems.Count > 0)
        {
            degraded.MarkDegraded("mqtt", "telemetry cannot start: " + string.Join("; ", problems));
            return null;
        }

        var sources = new HealthDocumentSources
        {
            StoreCounts = () => StoreCounts(store),
            Readers = () => DoorPath(readiness)?.ReaderHealth() ?? [],
            Door = () => DoorPath(readiness) is { } door
                ? new HealthDoorState
                {
                    Locked = door.Machine.State == DoorLockState.Locked,
                    Open = door.Io.DoorOpen,
                    FireAlarm = door.Io.FireAlarmActive,
                    Tamper = door.Io.TamperActive,
                }
                : new HealthDoorState(),
            Face = () => DoorPath(readiness)?.FaceReader?.Stats
                ?? (readiness.Face.IsCompletedSuccessfully && readiness.Face.Result is { IsAvailable: true } ? new FacePipelineStats(null, null, null, []) : null),
            Degraded = () => [.. degraded.Snapshot().Where(s => s.Degraded).Select(s => new HealthSubsystem(s.Name, s.LastError ?? string.Empty, s.Since))],
        };
        var health = new HealthDocumentBuilder(
            new SystemHealthProbe(new SystemHealthProbeOptions { DataDirectory = options.Store.DataDirectory }), sources, timeProvider);
        var handlers = new TelemetryCommandHandlers
        {
            SelfTestAsync = (relay, cancellationToken) => SelfTestAsync(readiness, relay, timeProvider, cancellationToken),
            DoorReleaseAsync = async (technician, cancellationToken) =>
            {
                if (DoorPath(readiness) is not { } door)
                {
                    return CommandOutcome.Failure("no door path on this unit");
                }

                await door.ReleaseAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                store.AppendAudit(AuditAction.ManualRelease, technician, null, "released for 5 s over MQTT");
                return CommandOutcome.Success("released for 5 s");
            },
            ReloadConfigurationAsync = reloader is null
                ? _ => Task.FromResult(CommandOutcome.Failure("configuration is read at start; restart the service to apply changes"))
                : async cancellationToken =>
                {
                    var result = await Task.Run(() => reloader.Reload("mqtt"), cancellationToken).ConfigureAwait(false);
                    return result.IsValid ? CommandOutcome.Success(result.Describe()) : CommandOutcome.Failure(result.Describe());
                },
        };
        var telemetry = new TelemetryService(
            telemetryOptions,
            health.Build,
            handlers,
            record => Audit(store, record),
            timeProvider);
        try
        {
            ConfigurationReloader.ApplyTechnicianKeys(store, telemetry);
        }
        catch (StoreException exception)
        {
            degraded.MarkDegraded("mqtt", "technician keys cannot be read, every command is refused: " + exception.Message);
        }

        store.TechniciansChanged += (_, _) =>
        {
            try
            {
                ConfigurationReloader.ApplyTechnicianKeys(store, telemetry);
            }
            catch (StoreException exception)
            {
                degraded.MarkDegraded("mqtt", "technician keys cannot be read, every command is refused: " + exception.Message);
            }
        };
        return telemetry;
    }

    private static void Audit(IGateStore store, CommandAuditRecord record)
    {
        try
        {
            store.AppendAudit(AuditAction.OperatorAction, record.TechnicianId, null, $"mqtt {record.Command}: {(record.Ok ? "ok" : "refused")} {record.Outcome}");

            // A technician id is only known once the signature was verified under their key.
            if (record.TechnicianId is { } technician)
            {
                store.RecordTechnicianUse(technician, record.At);
            }
        }
        catch (StoreException)
        {
            // The audit callback must not throw on the network thread; a store fault shows in the store's own health.
        }
    }

    private static DoorPath.GateDoorPath? DoorPath(ServiceReadiness readiness) =>
        readiness.DoorPath.IsCompletedSuccessfully ? readiness.DoorPath.Result : null;

    private static async Task<CommandOutcome> SelfTestAsync(ServiceReadiness readiness, bool relay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (DoorPath(readiness) is not { } door)
        {
            return CommandOutcome.Failure("no door path on this unit");
        }

        if (relay)
        {
            _ = door.ReleaseAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        try
        {
            await DoorIndicatorSelfTest.RunAsync(door.Io, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException fault)
        {
            return CommandOutcome.Failure("indicators: " + fault.Message);
        }

        return CommandOutcome.Success(relay ? "both LEDs lit for 1 s and the buzzer beeped; relay released for 1 s" : "both LEDs lit for 1 s and the buzzer beeped");
    }

    private static HealthStoreCounts StoreCounts(IGateStore store)
    {
        // The same counts as the privacy report and status, so health and status agree.
        var counts = store.CountContents();
        return new HealthStoreCounts
        {
            Residents = counts.Residents,
            Cards = counts.Cards,
            FaceTemplates = (int)Math.Min(int.MaxValue, counts.FaceTemplates),
            ActiveConsents = counts.ActiveFaceConsents,
        };
    }
}
