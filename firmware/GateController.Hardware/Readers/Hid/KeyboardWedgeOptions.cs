namespace GateController.Hardware.Readers.Hid;

/// <summary>Settings for a USB keyboard-wedge card reader.</summary>
public sealed class KeyboardWedgeOptions
{
    /// <summary>How the reader types numbers; decimal unless set.</summary>
    public KeyboardWedgeNumberFormat NumberFormat { get; set; } = KeyboardWedgeNumberFormat.DecimalDigits;

    /// <summary>Fewest characters in a card number; 6 unless set.</summary>
    public int MinimumLength { get; set; } = 6;

    /// <summary>Most characters in a card number; 20 unless set.</summary>
    public int MaximumLength { get; set; } = 20;

    /// <summary>
    /// Longest gap between two key presses of one card number, by the kernel's event timestamps; readers type a
    /// character every few milliseconds, people far slower. 40 ms unless set.
    /// </summary>
    public int MaximumKeyIntervalMilliseconds { get; set; } = 40;

    /// <summary>A number not ended by Enter within this time of its last key is dropped; 500 ms unless set.</summary>
    public int PartialTimeoutMilliseconds { get; set; } = 500;

    /// <summary>First reconnect delay after the device is missing or gone; 500 ms unless set.</summary>
    public int ReconnectInitialDelayMilliseconds { get; set; } = 500;

    /// <summary>Reconnect delays double up to this; 30 s unless set.</summary>
    public int ReconnectMaximumDelayMilliseconds { get; set; } = 30_000;

    /// <summary>
    /// Accept a source that cannot be grabbed because it is not an evdev device (ENOTTY/EINVAL: a FIFO or file of
    /// recorded events). Only for replay and tests; on a unit an ungrabbed reader would type into a console.
    /// </summary>
    public bool AllowUngrabbableReplaySource { get; set; }

    /// <summary>Every problem with these settings, one message per problem naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(NumberFormat))
        {
            problems.Add($"{nameof(NumberFormat)} must be DecimalDigits or HexadecimalDigits (was {(int)NumberFormat})");
        }

        if (MinimumLength < 1)
        {
            problems.Add($"{nameof(MinimumLength)} must be at least 1 (was {MinimumLength})");
        }

        if (MaximumLength < MinimumLength || MaximumLength > 64)
        {
            problems.Add($"{nameof(MaximumLength)} must be between {nameof(MinimumLength)} and 64 (was {MaximumLength})");
        }

        if (NumberFormat == KeyboardWedgeNumberFormat.DecimalDigits && MaximumLength > 20)
        {
            problems.Add($"{nameof(MaximumLength)} must be at most 20 for decimal numbers (was {MaximumLength})");
        }

        if (MaximumKeyIntervalMilliseconds <= 0)
        {
            problems.Add($"{nameof(MaximumKeyIntervalMilliseconds)} must be positive (was {MaximumKeyIntervalMilliseconds})");
        }

        if (PartialTimeoutMilliseconds <= 0)
        {
            problems.Add($"{nameof(PartialTimeoutMilliseconds)} must be positive (was {PartialTimeoutMilliseconds})");
        }

        if (ReconnectInitialDelayMilliseconds <= 0)
        {
            problems.Add($"{nameof(ReconnectInitialDelayMilliseconds)} must be positive (was {ReconnectInitialDelayMilliseconds})");
        }

        if (ReconnectMaximumDelayMilliseconds < ReconnectInitialDelayMilliseconds)
        {
            problems.Add($"{nameof(ReconnectMaximumDelayMilliseconds)} must be at least {nameof(ReconnectInitialDelayMilliseconds)} (was {ReconnectMaximumDelayMilliseconds})");
        }

        return problems;
    }
}
