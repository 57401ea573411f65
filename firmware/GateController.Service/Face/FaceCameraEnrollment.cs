using System.Buffers;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;

namespace GateController.Service.Face;

/// <summary>
/// One live enrolment in progress: the gate loop offers it frames instead of deciding on them. It keeps the running
/// sum of the good frames' embeddings and the first good embedding (to refuse a different face), both cleared when it
/// ends; no frame is kept (P5). Not thread-safe: frames come from the gate loop only.
/// </summary>
internal sealed class FaceCameraEnrollment : IDisposable
{
    /// <summary>The most good frames one enrolment may ask for.</summary>
    public const int MaximumFrameCount = 20;

    /// <summary>The most frames one enrolment looks at before giving up.</summary>
    public const int MaximumFramesExamined = 600;

    private readonly FaceRecognition _recognition;
    private readonly double[] _sum = new double[TemplateIndex.EmbeddingLength];
    private readonly float[] _first = new float[TemplateIndex.EmbeddingLength];
    private readonly List<FaceEnrollmentFrame> _frames = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _sync = new();
    private int _accepted;
    private bool _stopped;

    public FaceCameraEnrollment(FaceRecognition recognition, int frameCount)
    {
        _recognition = recognition;
        FrameCount = frameCount;
    }

    public int FrameCount { get; }

    /// <summary>Completes when enough good frames were collected or the frame limit was reached.</summary>
    public Task Completion => _done.Task;

    /// <summary>A copy of the verdicts so far.</summary>
    public IReadOnlyList<FaceEnrollmentFrame> Frames
    {
        get
        {
            lock (_sync)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Takes no more frames (waits for one being looked at).</summary>
    public void Stop()
    {
        lock (_sync)
        {
            _stopped = true;
            _done.TrySetResult();
        }
    }

    /// <summary>Looks at one frame (on the gate loop).</summary>
    public void Offer(ImageBuffer frame)
    {
        lock (_sync)
        {
            if (!_stopped)
            {
                OfferLocked(frame);
            }
        }
    }

    private void OfferLocked(ImageBuffer frame)
    {

        var embedding = ArrayPool<float>.Shared.Rent(TemplateIndex.EmbeddingLength);
        try
        {
            var span = embedding.AsSpan(0, TemplateIndex.EmbeddingLength);
            string? reason = null;
            if (!_recognition.TryEmbedEnrollmentFrame(frame, span, out var problem))
            {
                reason = problem;
            }
            else if (_accepted > 0 && Cosine(span, _first) < _recognition.MatchThreshold)
            {
                reason = "a different face from the first good frame";
            }
            else
            {
                if (_accepted == 0)
                {
                    span.CopyTo(_first);
                }

                for (var i = 0; i < span.Length; i++)
                {
                    _sum[i] += span[i];
                }

                _accepted++;
            }

            _frames.Add(new FaceEnrollmentFrame(_frames.Count + 1, reason is null, reason));
            if (_accepted >= FrameCount || _frames.Count >= MaximumFramesExamined)
            {
                _stopped = true;
                _done.TrySetResult();
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(embedding, clearArray: true);
        }
    }

    /// <summary>Writes the unit-length mean of the good frames' embeddings; false when there are too few.</summary>
    public bool TryBuildTemplate(Span<float> template)
    {
        lock (_sync)
        {
            return TryBuildTemplateLocked(template);
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _stopped = true;
            Array.Clear(_sum);
            Array.Clear(_first);
            _done.TrySetResult();
        }
    }

    private bool TryBuildTemplateLocked(Span<float> template)
    {
        if (_accepted < FrameCount)
        {
            return false;
        }

        var norm = 0.0;
        foreach (var value in _sum)
        {
            norm += value * value;
        }

        norm = Math.Sqrt(norm);
        if (!(norm > 0))
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            template[i] = (float)(_sum[i] / norm);
        }

        return true;
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }
}
