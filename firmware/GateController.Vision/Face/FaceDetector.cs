using GateController.Vision.Imaging;
using GateController.Vision.Onnx;

namespace GateController.Vision.Face;

/// <summary>
/// Finds faces with fr_detect: the frame resized to 320×240, planar RGB (v − 127)/128; its outputs are face scores
/// [1,4420,2] and boxes [1,4420,4] already decoded to normalised corners. A score threshold, then score-sorted NMS.
/// One instance per thread.
/// </summary>
public sealed class FaceDetector : IDisposable
{
    /// <summary>Model input width.</summary>
    public const int InputWidth = 320;

    /// <summary>Model input height.</summary>
    public const int InputHeight = 240;

    private readonly OnnxRunner _runner;
    private readonly OnnxTensor _input;
    private readonly OnnxTensor _scores;
    private readonly OnnxTensor _boxes;
    private readonly ImageBuffer _resized;
    private readonly float _scoreThreshold;
    private readonly float _overlapThreshold;
    private readonly FaceBox[] _candidates;

    /// <summary>Creates a detector over an open fr_detect session.</summary>
    /// <param name="session">The fr_detect session.</param>
    /// <param name="scoreThreshold">Lowest face score kept, 0–1.</param>
    /// <param name="overlapThreshold">IoU above which a lower-scoring box is suppressed, 0–1.</param>
    public FaceDetector(OnnxSession session, float scoreThreshold, float overlapThreshold)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegative(scoreThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scoreThreshold, 1f);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(overlapThreshold, 1f);
        _scoreThreshold = scoreThreshold;
        _overlapThreshold = overlapThreshold;
        _runner = session.CreateRunner();
        try
        {
            _input = _runner.Input("input");
            _scores = _runner.Output("scores");
            _boxes = _runner.Output("boxes");
            if (_input.Length != 3 * InputWidth * InputHeight || _boxes.Length != 2 * _scores.Length)
            {
                throw new ArgumentException($"'{session.ModelPath}' does not have fr_detect's input and output shapes", nameof(session));
            }

            _candidates = new FaceBox[_scores.Length / 2];
            _resized = ImageBuffer.Rent(InputWidth, InputHeight, ImagePixelFormat.Rgb24);
        }
        catch
        {
            _runner.Dispose();
            throw;
        }
    }

    /// <summary>The faces in an RGB24 frame, best score first, in frame pixels.</summary>
    /// <exception cref="ArgumentException">The frame is not RGB24.</exception>
    public IReadOnlyList<FaceBox> Detect(ImageBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Format != ImagePixelFormat.Rgb24)
        {
            throw new ArgumentException($"the detector needs an RGB24 frame, not {frame.Format}", nameof(frame));
        }

        ImageResizer.ResizeInto(frame, _resized);
        FaceCrop.ToPlanar(_resized, _input.Span, 127f, 1f / 128f);
        _runner.Run();
        _resized.Pixels.Clear();
        _input.Span.Clear();
        var scores = _scores.Span;
        var boxes = _boxes.Span;
        var count = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            var score = scores[(2 * i) + 1];
            if (score < _scoreThreshold)
            {
                continue;
            }

            var b = boxes.Slice(4 * i, 4);
            _candidates[count++] = new FaceBox(
                Math.Clamp(b[0], 0, 1) * frame.Width,
                Math.Clamp(b[1], 0, 1) * frame.Height,
                Math.Clamp(b[2], 0, 1) * frame.Width,
                Math.Clamp(b[3], 0, 1) * frame.Height,
                score);
        }

        return NonMaximumSuppression.Apply(_candidates.AsSpan(0, count), _overlapThreshold, _scoreThreshold);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _resized.Dispose();
        _runner.Dispose();
    }
}
