namespace GateController.Hardware.Keypad;

/// <summary>How keys are assembled into PINs.</summary>
public sealed class PinEntryOptions
{
    /// <summary>Digits typed are cleared after this long without a key (default 5 s).</summary>
    public int EntryTimeoutMilliseconds { get; init; } = 5000;

    /// <summary>Fewest digits a PIN may have (default 4).</summary>
    public int MinimumDigits { get; init; } = 4;

    /// <summary>Most digits a PIN may have (default 8); a longer entry is cleared and rejected.</summary>
    public int MaximumDigits { get; init; } = 8;

    /// <summary>
    /// After a card or PIN, keys typed within this long of each other are passed on as <see cref="Core.Readers.KeyPressed"/>
    /// instead of forming a PIN (key sequences such as withdrawing consent at the gate); '#' ends the sequence (default 10 s).
    /// </summary>
    public int FollowUpWindowMilliseconds { get; init; } = 10_000;

    /// <summary>Every problem with these options, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (EntryTimeoutMilliseconds is < 500 or > 60_000)
        {
            problems.Add($"{nameof(EntryTimeoutMilliseconds)}: {EntryTimeoutMilliseconds} is outside 500-60000");
        }

        if (MinimumDigits is < 1 or > 16)
        {
            problems.Add($"{nameof(MinimumDigits)}: {MinimumDigits} is outside 1-16");
        }

        if (MaximumDigits < MinimumDigits || MaximumDigits > 16)
        {
            problems.Add($"{nameof(MaximumDigits)}: {MaximumDigits} must be between {nameof(MinimumDigits)} and 16");
        }

        if (FollowUpWindowMilliseconds is < 0 or > 60_000)
        {
            problems.Add($"{nameof(FollowUpWindowMilliseconds)}: {FollowUpWindowMilliseconds} is outside 0-60000");
        }

        return problems;
    }
}
