namespace GateController.Hardware.Gpio;

/// <summary>The outcome of waiting for an edge (shaped like System.Device.Gpio's).</summary>
/// <param name="EventTypes">The edge that ended the wait, or <see cref="PinEventTypes.None"/>.</param>
/// <param name="TimedOut">True if the wait was cancelled before an edge came.</param>
/// <param name="Timestamp">The edge's timestamp on the driver's event clock; zero when timed out.</param>
public readonly record struct WaitForEventResult(PinEventTypes EventTypes, bool TimedOut, TimeSpan Timestamp);
