using GateController.Core.Access;
using GateController.Core.Privacy;
using GateController.Service.Admin;
using GateController.Service.Configuration;

namespace GateController.Service.Hosting;

/// <summary>
/// The live configuration the impact-assessment report (<c>report.pia</c>) draws on: the unit id (configured for
/// telemetry, else the one <c>gatectl provision</c> wrote next to the device key, else the host name), where the store
/// lives, the door and its methods, whether face recognition is enabled, and the MQTT broker.
/// </summary>
public static class PrivacyReportComposition
{
    /// <summary>The settings, or null with every problem in <paramref name="problems"/> when they are not complete.</summary>
    public static PrivacyReportSettings? TryBuild(GateControllerOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var settings = new PrivacyReportSettings
        {
            UnitId = UnitId(options),
            StoreLocation = $"encrypted SQLite file in {options.Store.ToStoreOptions().DataDirectory} on the unit's own storage",
            FaceEnabled = options.Face.Enabled,
            MqttBrokerHost = options.Telemetry.Enabled ? $"{options.Telemetry.BrokerHost}:{options.Telemetry.BrokerPort}" : null,
            MqttPublishesResidentIds = options.Telemetry.Enabled && options.Telemetry.PublishResidentIds,
        };
        if (options.Door.Enabled)
        {
            settings.Doors.Add(new PrivacyImpactDoor(DoorId.Parse(options.Door.Id), options.Door.Methods));
        }

        var found = settings.Validate();
        problems.AddRange(found);
        return found.Count == 0 ? settings : null;
    }

    private static string UnitId(GateControllerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Telemetry.UnitId))
        {
            return options.Telemetry.UnitId;
        }

        var unitFile = Path.Combine(Path.GetDirectoryName(options.Store.KeyFile) ?? "/", TelemetryComposition.UnitIdFileName);
        try
        {
            if (File.Exists(unitFile) && File.ReadAllText(unitFile).Trim() is { Length: > 0 } provisioned)
            {
                return provisioned;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not readable: the host name stands in.
        }

        return Environment.MachineName;
    }
}
