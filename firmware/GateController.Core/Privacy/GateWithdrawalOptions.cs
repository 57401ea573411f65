namespace GateController.Core.Privacy;

/// <summary>Settings for <see cref="GateWithdrawalSequence"/>: the key sequence, the confirmation key and the timeouts.</summary>
public sealed class GateWithdrawalOptions
{
    /// <summary>Fewest keys in <see cref="KeySequence"/>.</summary>
    public const int MinimumSequenceLength = 2;

    /// <summary>Most keys in <see cref="KeySequence"/>.</summary>
    public const int MaximumSequenceLength = 8;

    /// <summary>Longest timeout accepted.</summary>
    public static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The keys entered after the card or PIN, default "*7#". 2–8 keypad keys ('0'–'9', '*', '#', 'A'–'D'), at least one of
    /// them not a digit, so the sequence cannot be mistaken for a PIN.
    /// </summary>
    public string KeySequence { get; set; } = "*7#";

    /// <summary>The key that confirms after the unit signals "confirm?", default '1' (按 1 确认).</summary>
    public char ConfirmationKey { get; set; } = '1';

    /// <summary>Longest wait for the first key after the credential and between keys of the sequence, default 5 s.</summary>
    public TimeSpan KeyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the confirmation key after the sequence, default 10 s.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var sequence = KeySequence ?? string.Empty;
        if (sequence.Length is < MinimumSequenceLength or > MaximumSequenceLength)
        {
            problems.Add($"{nameof(KeySequence)}: '{sequence}' has {sequence.Length} keys; use {MinimumSequenceLength}-{MaximumSequenceLength}");
        }

        var invalid = sequence.Where(c => !IsKeypadKey(c)).Distinct().ToList();
        if (invalid.Count > 0)
        {
            problems.Add($"{nameof(KeySequence)}: '{sequence}' holds {string.Join(", ", invalid.Select(c => $"'{c}'"))}, which no keypad has (use 0-9, *, #, A-D)");
        }

        if (sequence.Length > 0 && sequence.All(char.IsAsciiDigit))
        {
            problems.Add($"{nameof(KeySequence)}: '{sequence}' is all digits and could be taken for a PIN; include '*', '#' or a letter key");
        }

        if (!IsKeypadKey(ConfirmationKey))
        {
            problems.Add($"{nameof(ConfirmationKey)}: '{ConfirmationKey}' is not a keypad key (use 0-9, *, #, A-D)");
        }

        if (KeyTimeout <= TimeSpan.Zero || KeyTimeout > LongestTimeout)
        {
            problems.Add($"{nameof(KeyTimeout)}: {KeyTimeout} must be positive and at most {LongestTimeout}");
        }

        if (ConfirmationTimeout <= TimeSpan.Zero || ConfirmationTimeout > LongestTimeout)
        {
            problems.Add($"{nameof(ConfirmationTimeout)}: {ConfirmationTimeout} must be positive and at most {LongestTimeout}");
        }

        return problems;
    }

    /// <summary>How the sequence reads on a notice or receipt, for example "*7#, then 1".</summary>
    public string Describe() => $"{KeySequence}, then {ConfirmationKey}";

    private static bool IsKeypadKey(char c) => char.IsAsciiDigit(c) || c is '*' or '#' or (>= 'A' and <= 'D');
}
