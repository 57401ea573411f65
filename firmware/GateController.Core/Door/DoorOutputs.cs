namespace GateController.Core.Door;

/// <summary>
/// What the door's outputs should be now. The relay state already accounts for the lock type:
/// the hardware layer only applies the line's electrical polarity (active-high or active-low).
/// </summary>
/// <param name="RelayEnergised">Whether the lock relay coil should be energised.</param>
/// <param name="GreenLed">Whether the green LED is lit (the door is unlocked).</param>
/// <param name="RedLed">Whether the red LED is lit (locked, denied, locked out or an alarm).</param>
/// <param name="Buzzer">The pattern the buzzer should play.</param>
public readonly record struct DoorOutputs(bool RelayEnergised, bool GreenLed, bool RedLed, BuzzerPattern Buzzer);
