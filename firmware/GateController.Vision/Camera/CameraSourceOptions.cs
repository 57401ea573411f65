namespace GateController.Vision.Camera;

/// <summary>Settings every camera source shares: frame queue, stall detection, retry backoff.</summary>
public sealed class CameraSourceOptions
{
    /// <summary>Largest accepted <see cref="FrameQueueCapacity"/>.</summary>
    public const int MaximumFrameQueueCapacity = 8;

    /// <summary>Frames that may wait unread; older ones are dropped when a newer one arrives. Default 2.</summary>
    public int FrameQueueCapacity { get; set; } = 2;

    /// <summary>No frame for this long is a fault (camera stalled or gone). Default 5 s.</summary>
    public TimeSpan NoFrameTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before the first retry after a fault; doubles per consecutive fault. Default 1 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries. Default 30 s.</summary>
    public TimeSpan MaximumRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (FrameQueueCapacity is < 1 or > MaximumFrameQueueCapacity)
        {
            problems.Add($"{nameof(FrameQueueCapacity)} must be 1 to {MaximumFrameQueueCapacity}, not {FrameQueueCapacity}");
        }

        if (NoFrameTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(NoFrameTimeout)} must be positive, not {NoFrameTimeout}");
        }

        if (InitialRetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(InitialRetryDelay)} must be positive, not {InitialRetryDelay}");
        }

        if (MaximumRetryDelay < InitialRetryDelay)
        {
            problems.Add($"{nameof(MaximumRetryDelay)} ({MaximumRetryDelay}) must be at least {nameof(InitialRetryDelay)} ({InitialRetryDelay})");
        }

        return problems;
    }
}
