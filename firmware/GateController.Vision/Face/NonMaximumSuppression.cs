namespace GateController.Vision.Face;

/// <summary>Greedy, score-sorted non-maximum suppression of overlapping detections.</summary>
public static class NonMaximumSuppression
{
    /// <summary>
    /// Keeps boxes scoring at least <paramref name="minimumScore"/>, best first, dropping each box whose IoU with an
    /// already kept box exceeds <paramref name="iouThreshold"/>. Equal scores keep their input order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The IoU threshold is not within 0–1 or the count is not positive.</exception>
    public static IReadOnlyList<FaceBox> Apply(ReadOnlySpan<FaceBox> boxes, float iouThreshold, float minimumScore = 0, int maximumCount = int.MaxValue)
    {
        if (!(iouThreshold >= 0 && iouThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(iouThreshold), iouThreshold, "the IoU threshold must be within 0–1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maximumCount, 1);
        var candidates = new List<(FaceBox Box, int Order)>();
        for (var i = 0; i < boxes.Length; i++)
        {
            if (boxes[i].Score >= minimumScore && boxes[i].Area > 0)
            {
                candidates.Add((boxes[i], i));
            }
        }

        candidates.Sort(static (a, b) => a.Box.Score != b.Box.Score ? b.Box.Score.CompareTo(a.Box.Score) : a.Order.CompareTo(b.Order));
        var kept = new List<FaceBox>();
        foreach (var (box, _) in candidates)
        {
            var suppressed = false;
            foreach (var keptBox in kept)
            {
                if (box.IntersectionOverUnion(keptBox) > iouThreshold)
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                kept.Add(box);
                if (kept.Count == maximumCount)
                {
                    break;
                }
            }
        }

        return kept;
    }
}
