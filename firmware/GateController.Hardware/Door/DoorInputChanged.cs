namespace GateController.Hardware.Door;

/// <summary>A debounced change of a door input.</summary>
/// <param name="Input">Which input.</param>
/// <param name="IsActive">True when the button is pressed, the door open, the alarm on or the cover off.</param>
/// <param name="ChangedAt">When the change became stable.</param>
public sealed record DoorInputChanged(DoorInputKind Input, bool IsActive, DateTimeOffset ChangedAt);
