namespace GateController.Hardware.Input;

/// <summary>What one wait on an input device produced.</summary>
public enum InputReadStatus
{
    /// <summary>Events were read.</summary>
    Events = 0,

    /// <summary>Nothing arrived within the wait.</summary>
    Timeout = 1,

    /// <summary>The device went away (unplugged: ENODEV or hang-up; a replay FIFO's writer closed).</summary>
    Gone = 2,
}
