using GateController.Hardware.Gpio;
using GateController.Simulation.Gpio;

namespace GateController.Simulation.Wiegand;

/// <summary>
/// A Wiegand card reader or keypad's output stage on a simulated chip: each bit is a low pulse on D0 (zero) or D1 (one),
/// injected with chosen kernel-style timestamps.
/// </summary>
public sealed class SimulatedWiegandTransmitter
{
    private readonly SimulatedGpioDriver _driver;
    private readonly int _data0Pin;
    private readonly int _data1Pin;

    /// <summary>Transmits on <paramref name="data0Pin"/>/<paramref name="data1Pin"/> of <paramref name="driver"/>.</summary>
    public SimulatedWiegandTransmitter(SimulatedGpioDriver driver, int data0Pin, int data1Pin)
    {
        ArgumentNullException.ThrowIfNull(driver);
        _driver = driver;
        _data0Pin = data0Pin;
        _data1Pin = data1Pin;
    }

    /// <summary>Time between the starts of two bits (default 2 ms).</summary>
    public TimeSpan BitInterval { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Width of each low pulse (default 50 µs).</summary>
    public TimeSpan PulseWidth { get; init; } = TimeSpan.FromMicroseconds(50);

    /// <summary>How long a frame of <paramref name="bitCount"/> bits takes from first to last falling edge.</summary>
    public TimeSpan Duration(int bitCount) => BitInterval * Math.Max(0, bitCount - 1);

    /// <summary>
    /// Sends <paramref name="bitCount"/> bits of <paramref name="bits"/> (first bit most significant) so that the last
    /// falling edge is stamped <paramref name="lastEdgeTimestamp"/>; returns that timestamp.
    /// </summary>
    public TimeSpan Send(ulong bits, int bitCount, TimeSpan lastEdgeTimestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, 64);
        var timestamp = lastEdgeTimestamp - Duration(bitCount);
        for (var i = bitCount - 1; i >= 0; i--)
        {
            var pin = ((bits >> i) & 1) == 1 ? _data1Pin : _data0Pin;
            _driver.InjectEdge(pin, PinEventTypes.Falling, timestamp);
            _driver.InjectEdge(pin, PinEventTypes.Rising, timestamp + PulseWidth);
            timestamp += BitInterval;
        }

        return lastEdgeTimestamp;
    }

    /// <summary>Sends a frame ending now on the driver's event clock.</summary>
    public TimeSpan SendNow(ulong bits, int bitCount) => Send(bits, bitCount, _driver.EventClockNow);
}
