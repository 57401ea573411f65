namespace GateController.Telemetry.Commands;

/// <summary>A technician allowed to command the unit: their id, HMAC-SHA-256 key and permissions.</summary>
public sealed class TechnicianKey
{
    /// <summary>The id the technician signs as: 1–64 letters, digits, '-' or '_'.</summary>
    public string TechnicianId { get; set; } = string.Empty;

    /// <summary>The HMAC-SHA-256 key (at least 32 bytes), held on the unit only.</summary>
    public IReadOnlyList<byte> Key { get; set; } = [];

    /// <summary>Whether this technician may release the door (and drive the relay in self-test).</summary>
    public bool MayReleaseDoor { get; set; }

    /// <summary>Every problem with this entry.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!TelemetryOptions.IsValidUnitId(TechnicianId))
        {
            problems.Add($"Technicians: {nameof(TechnicianId)} '{TechnicianId}' must be 1–64 letters, digits, '-' or '_'");
        }

        if (Key.Count < 32)
        {
            problems.Add($"Technicians: {nameof(Key)} of '{TechnicianId}' must be at least 32 bytes");
        }

        return problems;
    }
}
