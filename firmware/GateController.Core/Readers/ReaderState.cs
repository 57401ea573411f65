namespace GateController.Core.Readers;

/// <summary>How a reader is doing, for status and health.</summary>
public enum ReaderState
{
    /// <summary>Opened, nothing read yet.</summary>
    Starting = 0,

    /// <summary>Working.</summary>
    Ok = 1,

    /// <summary>Receiving more garbage than frames; frames are still decoded.</summary>
    Flooding = 2,

    /// <summary>The device is gone or failing; the reader retries with back-off.</summary>
    Faulted = 3,

    /// <summary>Stopped.</summary>
    Stopped = 4,
}
