using System.Globalization;
using GateController.Vision.Imaging;

namespace GateController.Vision.Camera.Rpicam;

/// <summary>Settings of a <see cref="RpicamVidCameraSource"/>.</summary>
public sealed class RpicamVidCameraOptions
{
    /// <summary>The rpicam-vid executable (a name looked up on PATH, or a path). Default rpicam-vid.</summary>
    public string CommandPath { get; set; } = "rpicam-vid";

    /// <summary>Frame width in pixels, even. Default 640.</summary>
    public int Width { get; set; } = 640;

    /// <summary>Frame height in pixels, even. Default 480.</summary>
    public int Height { get; set; } = 480;

    /// <summary>Frames per second asked of the camera, 1 to 120. Default 15.</summary>
    public int FramesPerSecond { get; set; } = 15;

    /// <summary>The pixel format of delivered frames: NV12 (no conversion, default), RGB24, BGR24 or Grey8.</summary>
    public ImagePixelFormat OutputFormat { get; set; } = ImagePixelFormat.Nv12;

    /// <summary>
    /// The command line: run until stopped (-t 0), no preview window, raw YUV 4:2:0 frames of the given size and
    /// rate, written to standard output.
    /// </summary>
    public IReadOnlyList<string> Arguments() =>
    [
        "-t", "0",
        "--nopreview",
        "--codec", "yuv420",
        "--width", Width.ToString(CultureInfo.InvariantCulture),
        "--height", Height.ToString(CultureInfo.InvariantCulture),
        "--framerate", FramesPerSecond.ToString(CultureInfo.InvariantCulture),
        "-o", "-",
    ];

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(CommandPath))
        {
            problems.Add($"{nameof(CommandPath)} is required");
        }

        if (Width is < 2 or > 4096 || Width % 2 != 0)
        {
            problems.Add($"{nameof(Width)} must be even and 2 to 4096, not {Width}");
        }

        if (Height is < 2 or > 4096 || Height % 2 != 0)
        {
            problems.Add($"{nameof(Height)} must be even and 2 to 4096, not {Height}");
        }

        if (FramesPerSecond is < 1 or > 120)
        {
            problems.Add($"{nameof(FramesPerSecond)} must be 1 to 120, not {FramesPerSecond}");
        }

        if (OutputFormat is not (ImagePixelFormat.Nv12 or ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 or ImagePixelFormat.Grey8))
        {
            problems.Add($"{nameof(OutputFormat)} must be Nv12, Rgb24, Bgr24 or Grey8, not {OutputFormat}");
        }

        return problems;
    }
}
