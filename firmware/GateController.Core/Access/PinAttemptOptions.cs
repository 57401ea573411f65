namespace GateController.Core.Access;

/// <summary>Keypad lockout and duress settings for <see cref="PinAttemptTracker"/>.</summary>
public sealed class PinAttemptOptions
{
    /// <summary>The most wrong attempts GB 50396 allows before an alarm.</summary>
    public const int LargestAllowedWrongAttempts = 5;

    /// <summary>Wrong PINs or codes within <see cref="AttemptWindow"/> that lock the keypad; 1–5.</summary>
    public int MaximumWrongAttempts { get; set; } = LargestAllowedWrongAttempts;

    /// <summary>How far back wrong attempts count.</summary>
    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first lockout's length.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Each further lockout lasts this many times the previous one; at least 1.</summary>
    public double LockoutGrowthFactor { get; set; } = 2.0;

    /// <summary>The longest a lockout lasts.</summary>
    public TimeSpan MaximumLockoutDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After this long without a wrong attempt, lockouts start again from <see cref="LockoutDuration"/>.</summary>
    public TimeSpan LockoutMemory { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How a duress PIN derives from a resident's PIN.</summary>
    public DuressPinTransformation DuressTransformation { get; set; } = DuressPinTransformation.LastDigitPlusOne;

    /// <summary>Every problem, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaximumWrongAttempts is < 1 or > LargestAllowedWrongAttempts)
        {
            problems.Add($"{nameof(MaximumWrongAttempts)}: {MaximumWrongAttempts} is outside 1-{LargestAllowedWrongAttempts} (GB 50396 asks for an alarm at {LargestAllowedWrongAttempts} at most)");
        }

        if (AttemptWindow <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(AttemptWindow)}: {AttemptWindow} must be positive");
        }

        if (LockoutDuration <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(LockoutDuration)}: {LockoutDuration} must be positive");
        }

        if (double.IsNaN(LockoutGrowthFactor) || LockoutGrowthFactor < 1.0 || double.IsInfinity(LockoutGrowthFactor))
        {
            problems.Add($"{nameof(LockoutGrowthFactor)}: {LockoutGrowthFactor} must be a finite number of at least 1");
        }

        if (MaximumLockoutDuration < LockoutDuration)
        {
            problems.Add($"{nameof(MaximumLockoutDuration)}: {MaximumLockoutDuration} is shorter than {nameof(LockoutDuration)} {LockoutDuration}");
        }

        if (LockoutMemory <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(LockoutMemory)}: {LockoutMemory} must be positive");
        }

        if (!Enum.IsDefined(DuressTransformation))
        {
            problems.Add($"{nameof(DuressTransformation)}: {(int)DuressTransformation} is not a transformation");
        }

        return problems;
    }
}
