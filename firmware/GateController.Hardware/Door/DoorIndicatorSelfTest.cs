namespace GateController.Hardware.Door;

/// <summary>
/// A technician's indicator self-test: both LEDs lit and one beep, so whoever stands at the gate sees and hears that
/// every indicator works. Afterwards the LEDs show again what they showed before, unless the door path changed them
/// meanwhile (a decision during the test wins).
/// </summary>
public static class DoorIndicatorSelfTest
{
    /// <summary>How long both LEDs stay lit.</summary>
    public static readonly TimeSpan LitDuration = TimeSpan.FromSeconds(1);

    /// <summary>Lights both LEDs and beeps once; after <see cref="LitDuration"/> puts the LEDs back.</summary>
    /// <exception cref="IOException">An LED or the buzzer line cannot be driven.</exception>
    public static async Task RunAsync(DoorIo io, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var greenWasOn = io.GreenLedOn;
        var redWasOn = io.RedLedOn;
        io.SetGreenLed(true);
        io.SetRedLed(true);
        io.PlayBuzzer(BuzzerPattern.Granted);
        try
        {
            await Task.Delay(LitDuration, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (io.GreenLedOn && io.RedLedOn)
            {
                io.SetGreenLed(greenWasOn);
                io.SetRedLed(redWasOn);
            }
        }
    }
}
