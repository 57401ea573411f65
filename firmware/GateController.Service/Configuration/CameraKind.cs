namespace GateController.Service.Configuration;

/// <summary>The kind of camera fitted at the gate.</summary>
public enum CameraKind
{
    /// <summary>A USB (UVC) camera through V4L2.</summary>
    V4l2 = 0,

    /// <summary>A Raspberry Pi camera module through rpicam-vid.</summary>
    Rpicam = 1,

    /// <summary>A folder of JPEG files (the simulated board, tests).</summary>
    Replay = 2,
}
