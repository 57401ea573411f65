using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>Settings of a <see cref="ReplayCameraSource"/>.</summary>
public sealed class ReplayCameraOptions
{
    /// <summary>Largest accepted <see cref="FramesPerSecond"/>.</summary>
    public const double MaximumFramesPerSecond = 120;

    /// <summary>The folder of JPEG files. Required.</summary>
    public string FolderPath { get; set; } = string.Empty;

    /// <summary>Frames delivered per second. Default 15.</summary>
    public double FramesPerSecond { get; set; } = 15;

    /// <summary>Start again from the first file after the last. Default true; when false the source ends.</summary>
    public bool Loop { get; set; } = true;

    /// <summary>
    /// File names inside the folder, played in this order (a name may repeat). Empty: every file of the
    /// folder in ordinal name order.
    /// </summary>
    public IReadOnlyList<string> Script { get; set; } = [];

    /// <summary>The pixel format frames are decoded to: RGB24, BGR24 or Grey8. Default RGB24.</summary>
    public ImagePixelFormat OutputFormat { get; set; } = ImagePixelFormat.Rgb24;

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(FolderPath))
        {
            problems.Add($"{nameof(FolderPath)} is required");
        }

        if (!(FramesPerSecond > 0 && FramesPerSecond <= MaximumFramesPerSecond))
        {
            problems.Add($"{nameof(FramesPerSecond)} must be above 0 and at most {MaximumFramesPerSecond}, not {FramesPerSecond}");
        }

        foreach (var name in Script ?? [])
        {
            if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name))
            {
                problems.Add($"{nameof(Script)} entry '{name}' must be a plain file name inside {nameof(FolderPath)}");
            }
        }

        if (OutputFormat is not (ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 or ImagePixelFormat.Grey8))
        {
            problems.Add($"{nameof(OutputFormat)} must be Rgb24, Bgr24 or Grey8, not {OutputFormat}");
        }

        return problems;
    }
}
