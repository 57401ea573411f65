namespace GateController.Vision.Camera;

/// <summary>A snapshot of a camera source's health. Holds counts and device facts only, never pixels.</summary>
public sealed record CameraHealth
{
    /// <summary>The device, folder or command the source reads.</summary>
    public required string SourceName { get; init; }

    /// <summary>The current state.</summary>
    public required CameraState State { get; init; }

    /// <summary>Frames per second over the last 16 captured frames (0 before two frames, and after a fault).</summary>
    public double FramesPerSecond { get; init; }

    /// <summary>Frames handed to the reader.</summary>
    public long FramesDelivered { get; init; }

    /// <summary>Frames thrown away unread because newer ones arrived (slow consumer).</summary>
    public long FramesDropped { get; init; }

    /// <summary>Frames or files refused, all reasons together.</summary>
    public long FramesRejected { get; init; }

    /// <summary>Refusals per reason.</summary>
    public IReadOnlyDictionary<CameraFrameRejection, long> RejectionsByReason { get; init; } = new Dictionary<CameraFrameRejection, long>();

    /// <summary>The last refusal in words, or null.</summary>
    public string? LastRejection { get; init; }

    /// <summary>The last fault in words (device gone, no frames for N seconds, process exited), or null.</summary>
    public string? LastError { get; init; }

    /// <summary>Faults since the last delivered frame.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>How many times capture was started again after a fault.</summary>
    public long Restarts { get; init; }

    /// <summary>Width of the last delivered frame in pixels, 0 before the first.</summary>
    public int Width { get; init; }

    /// <summary>Height of the last delivered frame in pixels, 0 before the first.</summary>
    public int Height { get; init; }
}
