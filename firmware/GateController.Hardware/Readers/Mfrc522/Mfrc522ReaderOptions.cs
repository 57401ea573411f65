namespace GateController.Hardware.Readers.Mfrc522;

/// <summary>Polling and retry settings for <see cref="Mfrc522Reader"/>.</summary>
public sealed class Mfrc522ReaderOptions
{
    /// <summary>Time between polls of the field; 100 ms unless set.</summary>
    public int PollIntervalMilliseconds { get; set; } = 100;

    /// <summary>Polls in a row a reported card must be missing before it counts as removed; 2 unless set.</summary>
    public int RemovalMissedPolls { get; set; } = 2;

    /// <summary>Cards selected in one poll when several are in the field; 2 unless set.</summary>
    public int MaximumCardsPerPoll { get; set; } = 2;

    /// <summary>First retry delay after a fault (no module, chip timeout, bus error); 500 ms unless set.</summary>
    public int RetryInitialDelayMilliseconds { get; set; } = 500;

    /// <summary>Retry delays double up to this; 30 s unless set.</summary>
    public int RetryMaximumDelayMilliseconds { get; set; } = 30_000;

    /// <summary>Every problem with these settings, one message per problem naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PollIntervalMilliseconds is < 10 or > 10_000)
        {
            problems.Add($"{nameof(PollIntervalMilliseconds)} must be between 10 and 10000 (was {PollIntervalMilliseconds})");
        }

        if (RemovalMissedPolls is < 1 or > 100)
        {
            problems.Add($"{nameof(RemovalMissedPolls)} must be between 1 and 100 (was {RemovalMissedPolls})");
        }

        if (MaximumCardsPerPoll is < 1 or > 8)
        {
            problems.Add($"{nameof(MaximumCardsPerPoll)} must be between 1 and 8 (was {MaximumCardsPerPoll})");
        }

        if (RetryInitialDelayMilliseconds <= 0)
        {
            problems.Add($"{nameof(RetryInitialDelayMilliseconds)} must be positive (was {RetryInitialDelayMilliseconds})");
        }

        if (RetryMaximumDelayMilliseconds < RetryInitialDelayMilliseconds)
        {
            problems.Add($"{nameof(RetryMaximumDelayMilliseconds)} must be at least {nameof(RetryInitialDelayMilliseconds)} (was {RetryMaximumDelayMilliseconds})");
        }

        return problems;
    }
}
