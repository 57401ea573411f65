namespace GateController.Hardware.Door;

/// <summary>One output line of the door: a line number ("17") or line name ("GPIO17"), and its polarity.</summary>
public sealed class DoorOutputLineOptions
{
    /// <summary>The line, by offset or by name; null or empty when not fitted.</summary>
    public string? Line { get; set; }

    /// <summary>True when the device is on while the line is low (default false: high is on).</summary>
    public bool ActiveLow { get; set; }
}
