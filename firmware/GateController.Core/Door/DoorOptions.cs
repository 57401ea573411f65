namespace GateController.Core.Door;

/// <summary>Settings of one door's state machine.</summary>
public sealed class DoorOptions
{
    /// <summary>The longest unlock pulse accepted.</summary>
    public static readonly TimeSpan MaximumPulseDuration = TimeSpan.FromMinutes(5);

    /// <summary>The longest held-open threshold accepted.</summary>
    public static readonly TimeSpan MaximumHeldOpenThreshold = TimeSpan.FromHours(1);

    /// <summary>The longest feedback pattern accepted.</summary>
    public static readonly TimeSpan MaximumFeedbackDuration = TimeSpan.FromSeconds(10);

    /// <summary>The longest manual release an operator may configure as the limit.</summary>
    public static readonly TimeSpan MaximumManualReleaseLimit = TimeSpan.FromHours(24);

    /// <summary>How long the lock stays released after a grant or the exit button. Default 5 s.</summary>
    public TimeSpan PulseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the door may stay open before the held-open alarm. Default 30 s.</summary>
    public TimeSpan HeldOpenThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The lock's behaviour without power, which decides the relay polarity. Default fail-secure.</summary>
    public LockType LockType { get; set; } = LockType.FailSecure;

    /// <summary>Whether the lock re-engages as soon as the door closes after being opened in the pulse. Default true.</summary>
    public bool RelockOnClose { get; set; } = true;

    /// <summary>How long the granted, denied and locked-out buzzer patterns last. Default 1 s.</summary>
    public TimeSpan FeedbackDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest manual release an operator may ask for. Default 8 h.</summary>
    public TimeSpan ManualReleaseLimit { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Returns every problem with these settings, one message per problem naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CheckRange(problems, nameof(PulseDuration), PulseDuration, MaximumPulseDuration);
        CheckRange(problems, nameof(HeldOpenThreshold), HeldOpenThreshold, MaximumHeldOpenThreshold);
        CheckRange(problems, nameof(FeedbackDuration), FeedbackDuration, MaximumFeedbackDuration);
        CheckRange(problems, nameof(ManualReleaseLimit), ManualReleaseLimit, MaximumManualReleaseLimit);
        if (!Enum.IsDefined(LockType))
        {
            problems.Add($"{nameof(LockType)} must be {nameof(LockType.FailSafe)} or {nameof(LockType.FailSecure)}, not {(int)LockType}");
        }

        return problems;
    }

    private static void CheckRange(List<string> problems, string setting, TimeSpan value, TimeSpan maximum)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{setting} must be greater than zero, not {value}");
        }
        else if (value > maximum)
        {
            problems.Add($"{setting} must be at most {maximum}, not {value}");
        }
    }
}
