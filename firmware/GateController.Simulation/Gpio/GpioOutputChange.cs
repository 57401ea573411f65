using GateController.Hardware.Gpio;

namespace GateController.Simulation.Gpio;

/// <summary>One entry of a simulated chip's output history.</summary>
/// <param name="PinNumber">The line.</param>
/// <param name="Value">The level the line now has.</param>
/// <param name="IsDriven">False when the line was released and floats to its released level.</param>
/// <param name="Timestamp">When, on the driver's event clock.</param>
/// <param name="At">When, on the driver's <see cref="TimeProvider"/>.</param>
public sealed record GpioOutputChange(int PinNumber, PinValue Value, bool IsDriven, TimeSpan Timestamp, DateTimeOffset At);
