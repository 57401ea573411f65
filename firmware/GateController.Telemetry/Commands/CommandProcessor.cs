using System.Text.Json;
using GateController.Telemetry.Mqtt;

namespace GateController.Telemetry.Commands;

/// <summary>
/// Checks and runs commands. <see cref="Check"/> is cheap and safe on the network thread: it refuses
/// oversized, retained, unknown, malformed, unsigned, stale and replayed commands with a reason.
/// <see cref="ExecuteAsync"/> runs an accepted command's handler. Every command ends in a reply and an
/// audit record.
/// </summary>
public sealed class CommandProcessor
{
    private readonly TelemetryOptions _options;
    private readonly TelemetryCommandHandlers _handlers;
    private readonly Func<CancellationToken, Task<CommandOutcome>> _healthNowAsync;
    private readonly Action<CommandAuditRecord> _audit;
    private readonly TimeProvider _timeProvider;
    private readonly NonceReplayCache _nonces;
    private Dictionary<string, TechnicianKey> _technicians;

    /// <summary>Creates a processor.</summary>
    /// <param name="options">Validated telemetry options (unit id, technicians, window, limits).</param>
    /// <param name="handlers">The unit's command handlers.</param>
    /// <param name="healthNowAsync">Publishes health now.</param>
    /// <param name="audit">Receives one record per command; must not throw.</param>
    /// <param name="timeProvider">The clock.</param>
    public CommandProcessor(TelemetryOptions options, TelemetryCommandHandlers handlers, Func<CancellationToken, Task<CommandOutcome>> healthNowAsync, Action<CommandAuditRecord> audit, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(healthNowAsync);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _handlers = handlers;
        _healthNowAsync = healthNowAsync;
        _audit = audit;
        _timeProvider = timeProvider;
        _nonces = new NonceReplayCache(options.NonceCacheCapacity);
        _technicians = ToMap(options.Technicians);
    }

    /// <summary>How many technicians may command the unit now.</summary>
    public int TechnicianCount => Volatile.Read(ref _technicians).Count;

    /// <summary>
    /// Replaces the technicians allowed to command the unit, all at once: a command is checked either against the old
    /// set or the new one, never a mix. Throws <see cref="ArgumentException"/> listing every problem (the set in force stays).
    /// </summary>
    public void ReplaceTechnicians(IEnumerable<TechnicianKey> technicians)
    {
        ArgumentNullException.ThrowIfNull(technicians);
        var list = technicians.ToList();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var technician in list)
        {
            problems.AddRange(technician.Validate());
            if (!seen.Add(technician.TechnicianId))
            {
                problems.Add($"Technicians: technician '{technician.TechnicianId}' is listed twice");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid technicians: " + string.Join("; ", problems), nameof(technicians));
        }

        Volatile.Write(ref _technicians, ToMap(list));
    }

    /// <summary>Nonces remembered now.</summary>
    public int RememberedNonces => _nonces.Count;

    /// <summary>Checks a received command message: an accepted command, or the refusal already audited.</summary>
    public CommandCheck Check(string command, MqttMessage message)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(message);
        var name = command.Length > 64 ? command[..64] : command;
        if (message.Payload.Length > _options.MaximumCommandPayloadBytes)
        {
            return Refuse(name, null, $"payload larger than {_options.MaximumCommandPayloadBytes} bytes");
        }

        if (message.Retained)
        {
            return Refuse(name, null, "retained commands are ignored");
        }

        if (!CommandNames.All.Contains(command, StringComparer.Ordinal))
        {
            return Refuse(name, null, "unknown command");
        }

        CommandRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(message.Payload.Span, TelemetryJsonContext.Default.CommandRequest);
        }
        catch (JsonException)
        {
            return Refuse(name, null, "malformed JSON");
        }

        if (request is null)
        {
            return Refuse(name, null, "malformed JSON");
        }

        var nonce = request.Nonce is { Length: >= 8 and <= 64 } n && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? n : null;
        if (nonce is null)
        {
            return Refuse(name, null, "missing or invalid nonce");
        }

        if (string.IsNullOrEmpty(request.Technician) || string.IsNullOrEmpty(request.Signature))
        {
            return Refuse(name, nonce, "missing technician or signature");
        }

        if (request.Argument is { Length: > 256 })
        {
            return Refuse(name, nonce, "argument too long");
        }

        if (!Volatile.Read(ref _technicians).TryGetValue(request.Technician, out var technician))
        {
            return Refuse(name, nonce, "unknown technician");
        }

        var key = technician.Key as byte[] ?? [.. technician.Key];
        if (!CommandSigner.Verify(key, _options.UnitId, command, request.Technician, request.Timestamp, nonce, request.Argument, request.Signature))
        {
            return Refuse(name, nonce, "bad signature");
        }

        var now = _timeProvider.GetUtcNow();
        var window = (long)_options.CommandTimestampWindow.TotalSeconds;
        if (Math.Abs(request.Timestamp - now.ToUnixTimeSeconds()) > window)
        {
            return Refuse(name, nonce, "timestamp outside the accepted window", technician.TechnicianId);
        }

        var replay = _nonces.TryRecord(technician.TechnicianId, nonce, now, now + (2 * _options.CommandTimestampWindow));
        if (replay is not null)
        {
            return Refuse(name, nonce, replay, technician.TechnicianId);
        }

        if (command == CommandNames.DoorRelease && !technician.MayReleaseDoor)
        {
            return Refuse(name, nonce, "not permitted: door release", technician.TechnicianId);
        }

        return new CommandCheck(command, nonce, technician.TechnicianId, technician.MayReleaseDoor, request.Argument, null);
    }

    /// <summary>Runs an accepted command and returns its reply (already audited). Handler exceptions become failures.</summary>
    public async Task<CommandReply> ExecuteAsync(CommandCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        CommandOutcome outcome;
        try
        {
            outcome = check.Command switch
            {
                CommandNames.Ping => CommandOutcome.Success("pong"),
                CommandNames.HealthNow => await _healthNowAsync(cancellationToken),
                CommandNames.SelfTest => _handlers.SelfTestAsync is { } selfTest
                    ? await selfTest(check.MayReleaseDoor, cancellationToken)
                    : NotSupported(),
                CommandNames.DoorRelease => _handlers.DoorReleaseAsync is { } release
                    ? await release(check.TechnicianId!, cancellationToken)
                    : NotSupported(),
                CommandNames.ReloadConfiguration => _handlers.ReloadConfigurationAsync is { } reload
                    ? await reload(cancellationToken)
                    : NotSupported(),
                _ => CommandOutcome.Failure("unknown command"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = CommandOutcome.Failure("unit shutting down");
        }
#pragma warning disable CA1031 // A failing handler is answered, never allowed to stop command processing.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            outcome = CommandOutcome.Failure("handler failed: " + exception.GetType().Name);
        }

        var at = _timeProvider.GetUtcNow();
        _audit(new CommandAuditRecord(at, check.Command, check.TechnicianId, true, outcome.Succeeded, outcome.Text));
        return new CommandReply(check.Command, check.Nonce, outcome.Succeeded, outcome.Succeeded ? outcome.Text : null, outcome.Succeeded ? null : outcome.Text, at);
    }

    /// <summary>A refusal of a command that could not be queued for its handler.</summary>
    public CommandReply Busy(CommandCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Refuse(check.Command, check.Nonce, "busy: too many commands waiting", check.TechnicianId).Refusal!;
    }

    private static Dictionary<string, TechnicianKey> ToMap(IEnumerable<TechnicianKey> technicians) =>
        technicians.ToDictionary(
            t => t.TechnicianId,
            t => new TechnicianKey { TechnicianId = t.TechnicianId, Key = t.Key.ToArray(), MayReleaseDoor = t.MayReleaseDoor },
            StringComparer.Ordinal);

    private static CommandOutcome NotSupported() => CommandOutcome.Failure("not supported on this unit");

    private CommandCheck Refuse(string command, string? nonce, string reason, string? technicianId = null)
    {
        var at = _timeProvider.GetUtcNow();
        _audit(new CommandAuditRecord(at, command, technicianId, false, false, reason));
        var reply = new CommandReply(command, nonce, false, null, reason, at);
        return new CommandCheck(command, nonce, technicianId, false, null, reply);
    }
}
