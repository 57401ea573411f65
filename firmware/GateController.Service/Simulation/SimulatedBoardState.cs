namespace GateController.Service.Simulation;

/// <summary>The simulated board's lines at one moment.</summary>
/// <param name="LockReleased">Whether the lock is released (relay state interpreted for the lock's fail mode).</param>
/// <param name="GreenLed">The green LED.</param>
/// <param name="RedLed">The red LED.</param>
/// <param name="Buzzer">The buzzer pattern playing, e.g. "None", "Granted", "Denied".</param>
/// <param name="DoorOpen">The door contact reports open.</param>
/// <param name="FireAlarm">The fire alarm input is active.</param>
/// <param name="Tamper">The tamper input is active.</param>
public sealed record SimulatedBoardState(bool LockReleased, bool GreenLed, bool RedLed, string Buzzer, bool DoorOpen, bool FireAlarm, bool Tamper);
