namespace GateController.Hardware.Gpio;

/// <summary>How a GPIO line is used; values match System.Device.Gpio's PinMode.</summary>
public enum PinMode
{
    /// <summary>Input without bias (external resistors decide the idle level).</summary>
    Input = 0,

    /// <summary>Output driven by this process.</summary>
    Output = 1,

    /// <summary>Input with the internal pull-down bias enabled.</summary>
    InputPullDown = 2,

    /// <summary>Input with the internal pull-up bias enabled.</summary>
    InputPullUp = 3,
}
