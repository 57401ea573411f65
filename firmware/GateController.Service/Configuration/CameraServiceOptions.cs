using GateController.Service.Face;
using GateController.Vision.Camera;
using GateController.Vision.Camera.Rpicam;
using GateController.Vision.Camera.V4l2;

namespace GateController.Service.Configuration;

/// <summary>The <c>Camera</c> section: the gate camera, when one is fitted.</summary>
public sealed class CameraServiceOptions
{
    /// <summary>Whether a camera is fitted.</summary>
    public bool Enabled { get; set; }

    /// <summary>What kind of camera.</summary>
    public CameraKind Kind { get; set; } = CameraKind.V4l2;

    /// <summary>The V4L2 device.</summary>
    public string Device { get; set; } = "/dev/video0";

    /// <summary>The frame width in pixels.</summary>
    public int Width { get; set; } = 640;

    /// <summary>The frame height in pixels.</summary>
    public int Height { get; set; } = 480;

    /// <summary>Frames per second (rpicam-vid, replay).</summary>
    public int FramesPerSecond { get; set; } = 15;

    /// <summary>The folder of JPEG files a replay camera shows.</summary>
    public string? ReplayFolder { get; set; }

    /// <summary>
    /// The door's face reader on this camera (section <c>Camera:Reader</c>): ReaderId (default "camera"), Mode (Off,
    /// Continuous, Triggered, CardAndFace; default Triggered), TriggerWindow, VerificationWindow, LeaveViewAfter…
    /// </summary>
    public FaceGateReaderOptions Reader { get; } = new() { ReaderId = "camera" };

    /// <summary>The V4L2 settings.</summary>
    public V4l2CameraOptions ToV4l2Options() => new() { DevicePath = Device, Width = Width, Height = Height };

    /// <summary>The rpicam-vid settings.</summary>
    public RpicamVidCameraOptions ToRpicamOptions() => new() { Width = Width, Height = Height, FramesPerSecond = FramesPerSecond };

    /// <summary>The replay settings.</summary>
    public ReplayCameraOptions ToReplayOptions() => new() { FolderPath = ReplayFolder ?? string.Empty, FramesPerSecond = FramesPerSecond };

    /// <summary>Every problem, one message each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!Enabled)
        {
            return [];
        }

        IReadOnlyList<string> problems = Kind switch
        {
            CameraKind.V4l2 => ToV4l2Options().Validate(),
            CameraKind.Rpicam => ToRpicamOptions().Validate(),
            CameraKind.Replay => ToReplayOptions().Validate(),
            _ => [$"{nameof(Kind)}: {Kind} is not a known camera kind"],
        };
        return [.. problems, .. Reader.Validate().Select(problem => $"{nameof(Reader)}:{problem}")];
    }
}
