namespace GateController.Vision.Camera.V4l2;

/// <summary>Settings of a <see cref="V4l2CameraSource"/>.</summary>
public sealed class V4l2CameraOptions
{
    /// <summary>The capture device. Default /dev/video0.</summary>
    public string DevicePath { get; set; } = "/dev/video0";

    /// <summary>Frame width in pixels: 640 or 1280. Default 640.</summary>
    public int Width { get; set; } = 640;

    /// <summary>Frame height in pixels: 480 (with 640) or 720 (with 1280). Default 480.</summary>
    public int Height { get; set; } = 480;

    /// <summary>The format asked of the camera. Default MJPEG.</summary>
    public V4l2CapturePixelFormat PixelFormat { get; set; } = V4l2CapturePixelFormat.Mjpeg;

    /// <summary>Driver buffers mapped for streaming, 2 to 8. Default 4.</summary>
    public int BufferCount { get; set; } = 4;

    /// <summary>Longest wait in one poll for a frame, so cancellation is seen. Default 200 ms.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DevicePath) || !DevicePath.StartsWith('/'))
        {
            problems.Add($"{nameof(DevicePath)} must be an absolute device path such as /dev/video0, not '{DevicePath}'");
        }

        if ((Width, Height) is not ((640, 480) or (1280, 720)))
        {
            problems.Add($"{nameof(Width)}×{nameof(Height)} must be 640×480 or 1280×720, not {Width}×{Height}");
        }

        if (!Enum.IsDefined(PixelFormat))
        {
            problems.Add($"{nameof(PixelFormat)} must be Yuyv or Mjpeg, not {PixelFormat}");
        }

        if (BufferCount is < 2 or > 8)
        {
            problems.Add($"{nameof(BufferCount)} must be 2 to 8, not {BufferCount}");
        }

        if (PollTimeout <= TimeSpan.Zero || PollTimeout > TimeSpan.FromSeconds(5))
        {
            problems.Add($"{nameof(PollTimeout)} must be above 0 and at most 5 s, not {PollTimeout}");
        }

        return problems;
    }
}
