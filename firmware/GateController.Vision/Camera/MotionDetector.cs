using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// Cheap motion detection by frame differencing: each frame's luma is averaged into a small grid (sampling every
/// other pixel of every other row) and compared with the previous frame's grid; motion is when enough cells changed
/// by more than a threshold. It keeps only the grid of the last frame (coarse averages, cleared on
/// <see cref="Reset"/> and <see cref="Dispose"/>), never pixels. A frame of a different size restarts the comparison
/// instead of reporting motion. Not thread-safe.
/// </summary>
public sealed class MotionDetector : IDisposable
{
    private readonly MotionDetectorOptions _options;
    private readonly int[] _sums;
    private readonly int[] _counts;
    private readonly byte[] _previous;
    private readonly byte[] _current;
    private int[] _columnCells = [];
    private int _columnWidth;
    private int _width;
    private int _height;
    private ImagePixelFormat _format;
    private bool _hasPrevious;

    /// <summary>Creates a detector.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public MotionDetector(MotionDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options;
        var cells = options.GridWidth * options.GridHeight;
        _sums = new int[cells];
        _counts = new int[cells];
        _previous = new byte[cells];
        _current = new byte[cells];
    }

    /// <summary>The fraction of grid cells that changed in the last compared frame, 0–1.</summary>
    public double LastChangedFraction { get; private set; }

    /// <summary>
    /// Compares <paramref name="frame"/> with the previous one; true when it shows motion. The first frame, and the
    /// first after a change of size or format, is the new reference and shows no motion.
    /// </summary>
    public bool Update(ImageBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_hasPrevious || frame.Width != _width || frame.Height != _height || frame.Format != _format)
        {
            _width = frame.Width;
            _height = frame.Height;
            _format = frame.Format;
            ComputeGrid(frame, _previous);
            _hasPrevious = true;
            LastChangedFraction = 0;
            return false;
        }

        ComputeGrid(frame, _current);
        var changed = 0;
        for (var i = 0; i < _current.Length; i++)
        {
            if (Math.Abs(_current[i] - _previous[i]) > _options.CellDifferenceThreshold)
            {
                changed++;
            }
        }

        _current.CopyTo(_previous, 0);
        LastChangedFraction = (double)changed / _current.Length;
        return LastChangedFraction >= _options.ChangedCellFraction;
    }

    /// <summary>Forgets the reference frame's grid.</summary>
    public void Reset()
    {
        Array.Clear(_previous);
        Array.Clear(_current);
        _hasPrevious = false;
        LastChangedFraction = 0;
    }

    /// <inheritdoc/>
    public void Dispose() => Reset();

    private void ComputeGrid(ImageBuffer frame, byte[] grid)
    {
        Array.Clear(_sums);
        Array.Clear(_counts);
        int gridWidth = _options.GridWidth, gridHeight = _options.GridHeight;
        var (bytesPerPixel, lumaOffset) = frame.Format switch
        {
            ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 => (3, 1), // green carries most of the luma
            ImagePixelFormat.Yuyv => (2, 0),
            _ => (1, 0), // Grey8, and NV12's Y plane
        };
        var columns = (frame.Width + 1) / 2;
        if (_columnWidth != frame.Width)
        {
            _columnWidth = frame.Width;
            _columnCells = new int[columns];
            for (var c = 0; c < columns; c++)
            {
                _columnCells[c] = Math.Min(gridWidth - 1, (int)((long)c * 2 * gridWidth / frame.Width));
            }
        }

        var step = 2 * bytesPerPixel;
        for (var y = 0; y < frame.Height; y += 2)
        {
            ReadOnlySpan<byte> row = frame.Row(y);
            var cellRow = Math.Min(gridHeight - 1, (int)((long)y * gridHeight / frame.Height)) * gridWidth;
            for (int c = 0, offset = lumaOffset; c < columns; c++, offset += step)
            {
                var cell = cellRow + _columnCells[c];
                _sums[cell] += row[offset];
                _counts[cell]++;
            }
        }

        for (var i = 0; i < grid.Length; i++)
        {
            grid[i] = _counts[i] == 0 ? (byte)0 : (byte)(_sums[i] / _counts[i]);
        }

        Array.Clear(_sums);
    }
}
