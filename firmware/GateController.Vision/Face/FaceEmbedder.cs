using GateController.Vision.Imaging;
using GateController.Vision.Onnx;

namespace GateController.Vision.Face;

/// <summary>
/// Computes a face embedding with fr_feature: an aligned 112×112 RGB face, planar (v − 127)/128, gives 512 floats,
/// which are L2-normalised here so that cosine similarity is a dot product. One instance per thread.
/// </summary>
public sealed class FaceEmbedder : IDisposable
{
    /// <summary>Floats in an embedding.</summary>
    public const int EmbeddingLength = 512;

    private readonly OnnxRunner _runner;
    private readonly OnnxTensor _input;
    private readonly OnnxTensor _output;

    /// <summary>Creates an embedder over an open fr_feature session.</summary>
    public FaceEmbedder(OnnxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _runner = session.CreateRunner();
        try
        {
            _input = _runner.Input("input");
            _output = _runner.Output("output");
            if (_input.Length != 3 * ArcFaceAlignment.Size * ArcFaceAlignment.Size || _output.Length != EmbeddingLength)
            {
                throw new ArgumentException($"'{session.ModelPath}' does not have fr_feature's input and output shapes", nameof(session));
            }
        }
        catch
        {
            _runner.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the L2-normalised embedding of an aligned 112×112 RGB24 face into <paramref name="embedding"/>; the
    /// model's own buffers are cleared afterwards (P5).
    /// </summary>
    /// <exception cref="ArgumentException">The face is not a 112×112 RGB24 image or the destination is not 512 floats.</exception>
    public void Embed(ImageBuffer alignedFace, Span<float> embedding)
    {
        ArgumentNullException.ThrowIfNull(alignedFace);
        if (alignedFace.Format != ImagePixelFormat.Rgb24 || alignedFace.Width != ArcFaceAlignment.Size || alignedFace.Height != ArcFaceAlignment.Size)
        {
            throw new ArgumentException($"an aligned 112x112 RGB24 face is needed, not {alignedFace.Width}x{alignedFace.Height} {alignedFace.Format}", nameof(alignedFace));
        }

        if (embedding.Length != EmbeddingLength)
        {
            throw new ArgumentException($"an embedding is {EmbeddingLength} floats, not {embedding.Length}", nameof(embedding));
        }

        FaceCrop.ToPlanar(alignedFace, _input.Span, 127f, 1f / 128f);
        _runner.Run();
        var output = _output.Span;
        double squares = 0;
        foreach (var value in output)
        {
            squares += value * value;
        }

        var factor = squares > 0 ? (float)(1 / Math.Sqrt(squares)) : 0f;
        for (var i = 0; i < EmbeddingLength; i++)
        {
            embedding[i] = output[i] * factor;
        }

        _input.Span.Clear();
        output.Clear();
    }

    /// <inheritdoc/>
    public void Dispose() => _runner.Dispose();
}
