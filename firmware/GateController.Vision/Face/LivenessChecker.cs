using GateController.Vision.Imaging;
using GateController.Vision.Onnx;

namespace GateController.Vision.Face;

/// <summary>
/// Scores whether a face is a live person with fr_liveness: the box scaled ×2.7 about its centre (kept inside the
/// frame), resized to 128×128 RGB, planar, raw 0–255; softmax over the 3 outputs, [0] = real. One instance per thread.
/// What it is worth is measured, not assumed: see the accuracy notes of the face pipeline.
/// </summary>
public sealed class LivenessChecker : IDisposable
{
    /// <summary>Model input width and height.</summary>
    public const int InputSize = 128;

    /// <summary>How much larger than the detection box the crop is.</summary>
    public const float CropScale = 2.7f;

    private readonly OnnxRunner _runner;
    private readonly OnnxTensor _input;
    private readonly OnnxTensor _output;
    private readonly ImageBuffer _crop;

    /// <summary>Creates a checker over an open fr_liveness session.</summary>
    public LivenessChecker(OnnxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _runner = session.CreateRunner();
        try
        {
            _input = _runner.Input("input");
            _output = _runner.Output("output");
            if (_input.Length != 3 * InputSize * InputSize || _output.Length != 3)
            {
                throw new ArgumentException($"'{session.ModelPath}' does not have fr_liveness's input and output shapes", nameof(session));
            }

            _crop = ImageBuffer.Rent(InputSize, InputSize, ImagePixelFormat.Rgb24);
        }
        catch
        {
            _runner.Dispose();
            throw;
        }
    }

    /// <summary>The probability, 0–1, that the face in <paramref name="box"/> of an RGB24 frame is real.</summary>
    /// <exception cref="ArgumentException">The frame is not RGB24.</exception>
    public double Score(ImageBuffer frame, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Format != ImagePixelFormat.Rgb24)
        {
            throw new ArgumentException($"the liveness check needs an RGB24 frame, not {frame.Format}", nameof(frame));
        }

        var (left, top, width, height) = FaceCrop.ScaledInside(box, CropScale, frame.Width, frame.Height);
        FaceCrop.Into(frame, left, top, width, height, _crop);
        FaceCrop.ToPlanar(_crop, _input.Span, 0f, 1f);
        _runner.Run();
        var output = _output.Span;
        var max = Math.Max(output[0], Math.Max(output[1], output[2]));
        double e0 = Math.Exp(output[0] - max), e1 = Math.Exp(output[1] - max), e2 = Math.Exp(output[2] - max);
        _crop.Pixels.Clear();
        _input.Span.Clear();
        return e0 / (e0 + e1 + e2);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _crop.Dispose();
        _runner.Dispose();
    }
}
