using GateController.Vision.Camera;
using GateController.Vision.Imaging;

namespace GateController.Service.Simulation;

/// <summary>
/// The simulated board's camera: it shows one scene at a fixed frame rate, either a JPEG photo put in front of it
/// (<see cref="ShowPhoto"/>, scaled to fit the frame size and centred) or an empty grey scene, so the face reader sees
/// what a simulation step shows, in frames of one size.
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
            if (!decoder.TryDecode(bytes, ImagePixelFormat.Rgb24, out var photo, out var problem))
            {
                throw new InvalidOperationException($"{Path.GetFileName(photoPath)} cannot be shown to the camera: {problem}");
            }

            using (photo)
            {
                scene = Fit(photo);
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

    /// <summary>The photo scaled to fit the camera's frame size, centred on the empty scene: a camera's frames never change size.</summary>
    private ImageBuffer Fit(ImageBuffer photo)
    {
        var scale = Math.Min((double)_emptyWidth / photo.Width, (double)_emptyHeight / photo.Height);
        var width = Math.Clamp((int)Math.Round(photo.Width * scale), 1, _emptyWidth);
        var height = Math.Clamp((int)Math.Round(photo.Height * scale), 1, _emptyHeight);
        var frame = ImageBuffer.Rent(_emptyWidth, _emptyHeight, ImagePixelFormat.Rgb24);
        frame.Pixels.Fill(EmptySceneLevel);
        using var scaled = width == photo.Width && height == photo.Height ? photo.Clone() : ImageResizer.Resize(photo, width, height);
        var left = (_emptyWidth - width) / 2 * 3;
        var top = (_emptyHeight - height) / 2;
        for (var y = 0; y < height; y++)
        {
            scaled.Row(y)[..(width * 3)].CopyTo(frame.Row(top + y)[left..]);
        }

        return frame;
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
