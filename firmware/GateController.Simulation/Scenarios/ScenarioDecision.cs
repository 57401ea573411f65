namespace GateController.Simulation.Scenarios;

/// <summary>
/// The outcome of an access decision as the scenario sees it: granted, denied with a reason, or locked out.
/// Written as a line ("granted", "denied: unknown credential", "denied: locked out") in scripted scenarios.
/// </summary>
public sealed record ScenarioDecision
{
    private ScenarioDecision(bool granted, bool lockedOut, string reason)
    {
        Granted = granted;
        LockedOut = lockedOut;
        Reason = reason;
    }

    /// <summary>Whether entry was granted.</summary>
    public bool Granted { get; }

    /// <summary>Whether the denial is a lockout (the locked-out pattern plays).</summary>
    public bool LockedOut { get; }

    /// <summary>The reason code in words, for example "unknown credential"; empty when granted.</summary>
    public string Reason { get; }

    /// <summary>Entry granted.</summary>
    public static ScenarioDecision Grant { get; } = new(granted: true, lockedOut: false, string.Empty);

    /// <summary>Entry denied for <paramref name="reason"/>; "locked out" makes it a lockout.</summary>
    public static ScenarioDecision Deny(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var trimmed = reason.Trim();
        return new ScenarioDecision(granted: false, lockedOut: trimmed == "locked out", trimmed);
    }

    /// <summary>Parses "granted" or "denied: reason".</summary>
    /// <exception cref="FormatException">The line is neither.</exception>
    public static ScenarioDecision Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text == "granted")
        {
            return Grant;
        }

        const string DeniedPrefix = "denied:";
        if (text.StartsWith(DeniedPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(text[DeniedPrefix.Length..]))
        {
            return Deny(text[DeniedPrefix.Length..]);
        }

        throw new FormatException($"a decision line is 'granted' or 'denied: <reason>', not '{line}'");
    }

    /// <inheritdoc />
    public override string ToString() => Granted ? "granted" : $"denied: {Reason}";
}
