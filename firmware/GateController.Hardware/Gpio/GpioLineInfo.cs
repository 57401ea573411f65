namespace GateController.Hardware.Gpio;

/// <summary>The kernel's view of one line of a chip.</summary>
/// <param name="PinNumber">The line offset.</param>
/// <param name="Name">The line's name from the device tree, for example "GPIO17"; may be empty.</param>
/// <param name="Consumer">Who holds the line, if anyone.</param>
/// <param name="IsUsed">True if the line is held by the kernel or a process.</param>
public sealed record GpioLineInfo(int PinNumber, string Name, string Consumer, bool IsUsed);
