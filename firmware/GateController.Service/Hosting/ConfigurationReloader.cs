using GateController.Service.Boards;
using GateController.Service.Configuration;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using Microsoft.Extensions.Configuration;

namespace GateController.Service.Hosting;

/// <summary>
/// Re-reads the configuration files (SIGHUP or the MQTT <c>reload-configuration</c> command) and validates them the way
/// start-up does. Invalid: every problem is returned and nothing changes. Valid: the technician keys are re-read from
/// the store and the telemetry settings that can change live (health interval, resident ids in events, Home Assistant
/// discovery) are applied; every other changed setting is named as needing a restart. Each reload is audited.
/// </summary>
public sealed class ConfigurationReloader
{
    /// <summary>The settings applied without a restart.</summary>
    public static readonly IReadOnlyList<string> LiveSettings = ["Telemetry:HealthInterval", "Telemetry:PublishResidentIds", "Telemetry:HomeAssistantDiscovery"];

    private readonly Lock _lock = new();
    private readonly ServiceInvocation _invocation;
    private readonly IGateBoard? _board;
    private readonly IGateStore _store;
    private readonly Dictionary<string, string?> _running;

    /// <summary>Creates a reloader.</summary>
    /// <param name="invocation">How the service was started (its configuration files, environment and options).</param>
    /// <param name="runningSettings">The flattened settings the service started with (Section:Key → value).</param>
    /// <param name="board">The board, to check GPIO lines; null when there is none.</param>
    /// <param name="store">The store: technician keys and the audit log.</param>
    public ConfigurationReloader(ServiceInvocation invocation, IEnumerable<KeyValuePair<string, string?>> runningSettings, IGateBoard? board, IGateStore store)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(runningSettings);
        ArgumentNullException.ThrowIfNull(store);
        _invocation = invocation;
        _board = board;
        _store = store;
        _running = Flatten(runningSettings);
    }

    /// <summary>The running telemetry, once created; null when telemetry is off.</summary>
    public TelemetryService? Telemetry { get; set; }

    /// <summary>Reads the technicians' keys from the store and hands them to the telemetry's command checker.</summary>
    /// <returns>How many technicians may command the unit now.</returns>
    public static int ApplyTechnicianKeys(ITechnicianKeyStore store, TelemetryService telemetry)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(telemetry);
        var keys = store.LoadTechnicianKeys();
        telemetry.ReplaceTechnicians(keys.Select(k => new TechnicianKey { TechnicianId = k.TechnicianId, Key = k.Key, MayReleaseDoor = k.MayReleaseDoor }));
        return keys.Count;
    }

    /// <summary>Reloads; <paramref name="requestedBy"/> (a technician id, "SIGHUP") goes into the audit entry.</summary>
    public ConfigurationReloadResult Reload(string requestedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestedBy);
        lock (_lock)
        {
            var result = ReloadCore();
            _store.AppendAudit(AuditAction.ConfigurationChanged, requestedBy, null, Shorten(result.Describe()));
            return result;
        }
    }

    private ConfigurationReloadResult ReloadCore()
    {
        var problems = new List<string>();
        var files = GateControllerHost.ConfigurationFiles(_invocation);
        var configuration = GateControllerConfiguration.Build(files, _invocation.Environment, _invocation.Overrides, problems);
        var options = GateControllerConfiguration.Bind(configuration, problems);
        options.ConsentBaseDirectory = GateControllerHost.ConsentDirectory(files);
        if (problems.Count == 0)
        {
            problems.AddRange(GateControllerOptionsValidator.Validate(options, _board?.Gpio));
        }

        if (problems.Count == 0)
        {
            ConsentSettingsBuilder.Build(options.Consent, options.ConsentBaseDirectory, problems);
        }

        if (problems.Count > 0)
        {
            return new ConfigurationReloadResult(problems, [], []);
        }

        var loaded = Flatten(configuration.AsEnumerable());
        var changed = loaded.Keys.Union(_running.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(key => !string.Equals(Value(loaded, key), Value(_running, key), StringComparison.Ordinal))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var live = changed.Where(key => LiveSettings.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
        var restart = changed.Except(live, StringComparer.OrdinalIgnoreCase).ToList();
        var applied = new List<string>();
        if (Telemetry is { } telemetry)
        {
            if (live.Count > 0)
            {
                telemetry.ApplyLiveSettings(new TelemetryLiveSettings(
                    options.Telemetry.HealthInterval, options.Telemetry.PublishResidentIds, options.Telemetry.HomeAssistantDiscovery));
                applied.AddRange(live);
            }

            try
            {
                applied.Add($"technician keys ({ApplyTechnicianKeys(_store, telemetry)})");
            }
            catch (StoreException exception)
            {
                return new ConfigurationReloadResult([$"technician keys: {exception.Message}"], applied, restart);
            }
        }
        else
        {
            restart.AddRange(live);
        }

        // Remember what now runs: the applied settings take their new values; the others keep the values in force,
        // so the next reload still names them until the service is restarted.
        foreach (var key in live.Where(_ => Telemetry is not null))
        {
            _running[key] = Value(loaded, key);
        }

        return new ConfigurationReloadResult([], applied, restart.Order(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static string? Value(Dictionary<string, string?> settings, string key) => settings.TryGetValue(key, out var value) ? value : null;

    private static Dictionary<string, string?> Flatten(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var flat = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            // Sections themselves have no value; only leaves are compared.
            if (value is not null)
            {
                flat[key] = value;
            }
        }

        return flat;
    }

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..1000] + "…";
}
