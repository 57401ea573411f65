namespace GateController.Service.Hosting;

/// <summary>What a configuration reload did.</summary>
/// <param name="Problems">Every problem found; when any, nothing was changed.</param>
/// <param name="Applied">What was applied while running (settings, technician keys).</param>
/// <param name="RestartNeeded">Settings that changed but take effect only after a restart.</param>
public sealed record ConfigurationReloadResult(IReadOnlyList<string> Problems, IReadOnlyList<string> Applied, IReadOnlyList<string> RestartNeeded)
{
    /// <summary>Whether the configuration was valid (and what could change live was applied).</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>One line for a reply, the console and the audit log.</summary>
    public string Describe()
    {
        if (!IsValid)
        {
            return "configuration invalid, nothing changed: " + string.Join("; ", Problems);
        }

        var text = "configuration reloaded; applied: " + (Applied.Count == 0 ? "nothing" : string.Join(", ", Applied));
        return RestartNeeded.Count == 0 ? text : text + "; changed but needing a restart: " + string.Join(", ", RestartNeeded);
    }
}
