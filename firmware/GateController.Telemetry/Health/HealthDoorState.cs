namespace GateController.Telemetry.Health;

/// <summary>Lock, door, fire and tamper state.</summary>
public sealed record HealthDoorState
{
    /// <summary>Whether the lock is locked (null when unknown).</summary>
    public bool? Locked { get; init; }

    /// <summary>Whether the door contact reports open (null when no contact is fitted).</summary>
    public bool? Open { get; init; }

    /// <summary>Whether the fire alarm input is active (the lock is released).</summary>
    public bool FireAlarm { get; init; }

    /// <summary>Whether the tamper input is active.</summary>
    public bool Tamper { get; init; }
}
