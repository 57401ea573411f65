namespace GateController.Vision.Camera;

/// <summary>Where a camera source is in its life.</summary>
public enum CameraState
{
    /// <summary>Not running.</summary>
    Stopped,

    /// <summary>Opening the device, folder or process.</summary>
    Starting,

    /// <summary>Delivering frames.</summary>
    Streaming,

    /// <summary>Failed; waiting for the retry delay before starting again.</summary>
    Faulted,

    /// <summary>A finite source (an unlooped replay) delivered its last frame.</summary>
    Ended,
}
