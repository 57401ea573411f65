using GateController.Vision.Camera;
using GateController.Vision.Imaging;

namespace GateController.Service.Simulation;

/// <summary>
/// The simulated board's camera: it shows one scene at a fixed frame rate, either a JPEG photo put in front of it
/// (<see cref="ShowPhoto"/>) or an empty grey scene, so the face reader sees exactly what a simulation step shows.
/// </summary>
public sealed class SimulatedSceneCamera : CameraSource
{
    private const byte EmptySceneLevel = 128;

    private readonly TimeSpan _period;
    private readonly int _emptyWidth;
    private readonly int _emptyHeight;
    private readonly Lock _lock = new();
    private ImageBuffer? _scene;

    /// <summary>Creates the camera showing an empty scene of <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or the frame rate is not positive.</exception>
    public SimulatedSceneCamera(int width, int height, double framesPerSecond, TimeProvider timeProvider)
        : base("simulated camera", new CameraSourceOptions(), timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(height, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(framesPerSecond, 0);
        _emptyWidth = width;
        _emptyHeight = height;
        _period = TimeSpan.FromSeconds(1 / framesPerSecond);
    }

    /// <summary>Puts the JPEG photo at <paramref name="photoPath"/> in front of the camera; null for an empty scene.</summary>
    /// <exception cref="InvalidOperationException">The file is not a decodable JPEG (the message names the file only).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public void ShowPhoto(string? photoPath)
    {
        ImageBuffer? scene = null;
        if (photoPath is not null)
        {
            var bytes = File.ReadAllBytes(photoPath);
            using var decoder = new JpegDecoder();
            if (!decoder.TryDecode(bytes, ImagePixelFormat.Rgb24, out scene, out var problem))
            {
                throw new InvalidOperationException($"{Path.GetFileName(photoPath)} cannot be shown to the camera: {problem}");
            }
        }

        lock (_lock)
        {
            _scene?.Dispose();
            _scene = scene;
        }
    }

    /// <inheritdoc/>
    protected override async Task StreamAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_period, TimeProvider);
        ReportStreaming();
        do
        {
            PublishFrame(CurrentFrame(), TimeProvider.GetUtcNow());
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_lock)
            {
                _scene?.Dispose();
                _scene = null;
            }
        }

        base.Dispose(disposing);
    }

    private ImageBuffer CurrentFrame()
    {
        lock (_lock)
        {
            if (_scene is not null)
            {
                return _scene.Clone();
            }
        }

        var empty = ImageBuffer.Rent(_emptyWidth, _emptyHeight, ImagePixelFormat.Rgb24);
        empty.Pixels.Fill(EmptySceneLevel);
        return empty;
    }
}
