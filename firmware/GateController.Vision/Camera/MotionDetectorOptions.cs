using System.Globalization;

namespace GateController.Vision.Camera;

/// <summary>Settings of a <see cref="MotionDetector"/>.</summary>
public sealed class MotionDetectorOptions
{
    /// <summary>Columns of the downscaled luma grid the frames are compared on. Default 64.</summary>
    public int GridWidth { get; set; } = 64;

    /// <summary>Rows of the downscaled luma grid. Default 48.</summary>
    public int GridHeight { get; set; } = 48;

    /// <summary>A grid cell whose mean luma changed by more than this (0–255) counts as changed. Default 20.</summary>
    public int CellDifferenceThreshold { get; set; } = 20;

    /// <summary>The fraction of changed cells, 0–1, that is motion. Default 0.02 (2 %).</summary>
    public double ChangedCellFraction { get; set; } = 0.02;

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (GridWidth is < 4 or > 320)
        {
            problems.Add($"{nameof(GridWidth)} must be 4–320, not {GridWidth.ToString(CultureInfo.InvariantCulture)}");
        }

        if (GridHeight is < 4 or > 240)
        {
            problems.Add($"{nameof(GridHeight)} must be 4–240, not {GridHeight.ToString(CultureInfo.InvariantCulture)}");
        }

        if (CellDifferenceThreshold is < 1 or > 254)
        {
            problems.Add($"{nameof(CellDifferenceThreshold)} must be 1–254, not {CellDifferenceThreshold.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!(ChangedCellFraction > 0 && ChangedCellFraction <= 1))
        {
            problems.Add($"{nameof(ChangedCellFraction)} must be above 0 and at most 1, not {ChangedCellFraction.ToString(CultureInfo.InvariantCulture)}");
        }

        return problems;
    }
}
