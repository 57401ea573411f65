using System.Numerics;
using GateController.Vision.Imaging;
using GateController.Vision.Onnx;

namespace GateController.Vision.Face;

/// <summary>
/// Places 68 landmarks with fr_landmark: the detection box itself (clamped to the frame) resized to 64×64 grey,
/// v / 256; the model returns (x, y) pairs in 0–1 of that crop. One instance per thread.
/// </summary>
public sealed class FaceLandmarker : IDisposable
{
    /// <summary>Model input width and height.</summary>
    public const int InputSize = 64;

    /// <summary>Points returned.</summary>
    public const int PointCount = 68;

    private readonly OnnxRunner _runner;
    private readonly OnnxTensor _input;
    private readonly OnnxTensor _output;
    private readonly ImageBuffer _crop;
    private readonly ImageBuffer _grey;

    /// <summary>Creates a landmarker over an open fr_landmark session.</summary>
    public FaceLandmarker(OnnxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _runner = session.CreateRunner();
        try
        {
            _input = _runner.Input("input");
            _output = _runner.Output("output");
            if (_input.Length != InputSize * InputSize || _output.Length != 2 * PointCount)
            {
                throw new ArgumentException($"'{session.ModelPath}' does not have fr_landmark's input and output shapes", nameof(session));
            }

            _crop = ImageBuffer.Rent(InputSize, InputSize, ImagePixelFormat.Rgb24);
            _grey = ImageBuffer.Rent(InputSize, InputSize, ImagePixelFormat.Grey8);
        }
        catch
        {
            _runner.Dispose();
            throw;
        }
    }

    /// <summary>Writes the 68 points of the face in <paramref name="box"/> of an RGB24 frame, in frame pixels.</summary>
    /// <exception cref="ArgumentException">The frame is not RGB24, or <paramref name="points"/> does not hold 68 points.</exception>
    public void Locate(ImageBuffer frame, FaceBox box, Span<Vector2> points)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Format != ImagePixelFormat.Rgb24)
        {
            throw new ArgumentException($"the landmarker needs an RGB24 frame, not {frame.Format}", nameof(frame));
        }

        if (points.Length != PointCount)
        {
            throw new ArgumentException($"{PointCount} points are written, not {points.Length}", nameof(points));
        }

        var (left, top, width, height) = FaceCrop.ScaledInside(box, 1f, frame.Width, frame.Height);
        FaceCrop.Into(frame, left, top, width, height, _crop);
        ImageConverter.ConvertInto(_crop, _grey);
        var input = _input.Span;
        var grey = _grey.Pixels;
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = grey[i] / 256f;
        }

        _runner.Run();
        var output = _output.Span;
        for (var i = 0; i < PointCount; i++)
        {
            points[i] = new Vector2(left + (output[2 * i] * width), top + (output[(2 * i) + 1] * height));
        }

        _crop.Pixels.Clear();
        _grey.Pixels.Clear();
        input.Clear();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _crop.Dispose();
        _grey.Dispose();
        _runner.Dispose();
    }
}
