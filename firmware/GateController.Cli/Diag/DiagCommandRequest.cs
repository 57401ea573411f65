namespace GateController.Cli.Diag;

/// <summary>What <c>gatectl diag send</c> sends: the command, who signs it, the argument and how long to wait.</summary>
internal sealed class DiagCommandRequest
{
    /// <summary>The longest <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The command name (<c>reload</c> is read as <c>reload-configuration</c>).</summary>
    public string Command { get; set; } = string.Empty;

    /// <summary>The technician id the command is signed as.</summary>
    public string TechnicianId { get; set; } = string.Empty;

    /// <summary>The file holding the technician's key, base64 on one line (as <c>gatectl technician add --key-out</c> writes it).</summary>
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>An optional argument for the command.</summary>
    public string? Argument { get; set; }

    /// <summary>How long to wait for the reply.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The command name as published.</summary>
    public string EffectiveCommand => Command == "reload" ? Telemetry.Commands.CommandNames.ReloadConfiguration : Command;

    /// <summary>Every problem, one message per problem naming the option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Telemetry.TelemetryOptions.IsValidUnitId(EffectiveCommand))
        {
            problems.Add($"command '{Command}' must be 1–64 letters, digits, '-' or '_' (ping, health, self-test, door-release, reload)");
        }

        if (!Telemetry.TelemetryOptions.IsValidUnitId(TechnicianId))
        {
            problems.Add($"--technician '{TechnicianId}' must be 1–64 letters, digits, '-' or '_'");
        }

        if (string.IsNullOrWhiteSpace(KeyFile))
        {
            problems.Add("--key-file is required");
        }

        if (Argument is { Length: > 256 })
        {
            problems.Add("--argument must be at most 256 characters");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > LongestTimeout)
        {
            problems.Add($"--timeout must be more than 0 and at most {LongestTimeout.TotalSeconds} seconds");
        }

        return problems;
    }
}
