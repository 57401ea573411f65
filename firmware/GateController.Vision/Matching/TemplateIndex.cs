using System.Buffers;
using GateController.Core.Residents;

namespace GateController.Vision.Matching;

/// <summary>
/// The in-memory gallery of face templates (512-component embeddings compared by cosine similarity) of the
/// residents whose face consent is active. Each template is kept in 900 bytes (see <see cref="BytesPerTemplate"/>):
/// a 14-bit fixed-point copy split into an int8 coarse plane and a 6-bit fine plane.
/// <para>
/// A search scans the coarse planes with SIMD int8 dot products, which give every template a score estimate
/// with a proven error bound; only templates whose upper bound reaches the second-best lower bound (of a
/// different resident) are rescored exactly from both planes. The best and second-best matches are therefore
/// exactly those of a brute-force search over the stored 14-bit templates, which differ from the float
/// embeddings by at most about 2·10⁻⁴ in score (typically 5·10⁻⁶).
/// </para>
/// <para>Thread-safe: any number of concurrent searches, with adds and removals taking an exclusive lock.
/// Removal overwrites the template's memory with zeros at once.</para>
/// </summary>
public sealed class TemplateIndex : IDisposable
{
    /// <summary>Components of an embedding.</summary>
    public const int EmbeddingLength = TemplateQuantizer.Length;

    /// <summary>Bytes that hold one template's embedding (coarse plane, fine plane, scale).</summary>
    public const int BytesPerTemplate = TemplateQuantizer.CoarseBytes + TemplateQuantizer.FineBytes + sizeof(float);

    private const int ChunkTemplates = 1024;
    private const double ErrorSlack = 1e-9;

    // Σ|τ_i| of a stored template is at most sqrt(512)·‖τ‖, and ‖τ‖ ≤ 1 + sqrt(512)/(2·8191).
    private static readonly double TemplateL1Bound = Math.Sqrt(EmbeddingLength) * 1.002;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly List<Chunk> _chunks = [];
    // Each resident's slots form a doubly linked list through the chunks' Next/Previous arrays.
    private readonly Dictionary<ResidentId, int> _firstSlotByResident = [];
    // The slot of each held template, so an add finds a duplicate without walking the resident's list (a resident
    // may hold many templates: walking made n adds cost O(n²)).
    private readonly Dictionary<(ResidentId Resident, TemplateId Template), int> _slotByTemplate = [];
    private readonly TemplateIndexOptions _options;
    private int _count;
    private bool _disposed;

    /// <summary>Creates an empty index with default options.</summary>
    public TemplateIndex()
        : this(new TemplateIndexOptions())
    {
    }

    /// <summary>Creates an empty index.</summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public TemplateIndex(TemplateIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options;
    }

    /// <summary>Templates held.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Residents with at least one template.</summary>
    public int ResidentCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _firstSlotByResident.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds a template; it is normalised to unit length first.</summary>
    /// <exception cref="ArgumentException">The embedding is not 512 finite values, is zero, or the template is already held.</exception>
    public void Add(ResidentId resident, TemplateId template, ReadOnlySpan<float> embedding) =>
        Store(resident, template, embedding, allowReplace: false);

    /// <summary>Adds a template, or replaces the one with the same resident and template id; true when replaced.</summary>
    /// <exception cref="ArgumentException">The embedding is not 512 finite values or is zero.</exception>
    public bool AddOrReplace(ResidentId resident, TemplateId template, ReadOnlySpan<float> embedding) =>
        Store(resident, template, embedding, allowReplace: true);

    /// <summary>Whether this resident's template is held.</summary>
    public bool Contains(ResidentId resident, TemplateId template)
    {
        _lock.EnterReadLock();
        try
        {
            return FindSlot(resident, template) >= 0;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Removes one template and zeroes its memory; false when it was not held.</summary>
    public bool Remove(ResidentId resident, TemplateId template)
    {
        _lock.EnterWriteLock();
        try
        {
            var slot = FindSlot(resident, template);
            if (slot < 0)
            {
                return false;
            }

            RemoveSlot(slot);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes all templates of a resident (consent withdrawn, resident deleted); returns how many.</summary>
    public int RemoveResident(ResidentId resident)
    {
        _lock.EnterWriteLock();
        try
        {
            var removed = 0;
            while (resident.Value is not null && _firstSlotByResident.TryGetValue(resident, out var slot))
            {
                RemoveSlot(slot);
                removed++;
            }

            return removed;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes every template and zeroes all memory.</summary>
    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            ClearAll();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Finds the most similar template and the most similar template of any other resident.</summary>
    /// <exception cref="ArgumentException">The probe is not 512 finite values or is zero.</exception>
    public NearestTemplates FindNearest(ReadOnlySpan<float> probe)
    {
        var normalised = ArrayPool<double>.Shared.Rent(EmbeddingLength);
        var quantised = ArrayPool<short>.Shared.Rent(EmbeddingLength);
        try
        {
            var query = PrepareProbe(probe, normalised, quantised);
            _lock.EnterReadLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _count == 0 ? default : Search(query);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(normalised, clearArray: true);
            ArrayPool<short>.Shared.Return(quantised, clearArray: true);
        }
    }

    /// <summary>The best cosine similarity of the probe with this resident's templates, or null when none is held (1:1).</summary>
    /// <exception cref="ArgumentException">The probe is not 512 finite values or is zero.</exception>
    public double? ScoreResident(ResidentId resident, ReadOnlySpan<float> probe)
    {
        Span<double> normalised = stackalloc double[EmbeddingLength];
        try
        {
            CheckLength(probe, nameof(probe));
            if (!TemplateQuantizer.TryNormalise(probe, normalised))
            {
                throw new ArgumentException("the probe must be finite and not zero", nameof(probe));
            }

            _lock.EnterReadLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (resident.Value is null || !_firstSlotByResident.TryGetValue(resident, out var slot))
                {
                    return null;
                }

                var best = double.NegativeInfinity;
                for (; slot >= 0; slot = Next(slot))
                {
                    best = Math.Max(best, ExactScore(normalised, slot));
                }

                return best;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
        finally
        {
            normalised.Clear();
        }
    }

    /// <summary>Zeroes all templates and releases the lock.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _lock.EnterWriteLock();
        try
        {
            ClearAll();
            _disposed = true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        _lock.Dispose();
    }

    /// <summary>Non-zero bytes in allocated template memory beyond the held templates (tests prove removal clears).</summary>
    internal long NonZeroBytesBeyondCount()
    {
        _lock.EnterReadLock();
        try
        {
            long nonZero = 0;
            for (var slot = _count; slot < _chunks.Count * ChunkTemplates; slot++)
            {
                var (chunk, offset) = Locate(slot);
                nonZero += chunk.Coarse.AsSpan(offset * TemplateQuantizer.CoarseBytes, TemplateQuantizer.CoarseBytes).Length
                    - chunk.Coarse.AsSpan(offset * TemplateQuantizer.CoarseBytes, TemplateQuantizer.CoarseBytes).Count((sbyte)0);
                nonZero += TemplateQuantizer.FineBytes - chunk.Fine.AsSpan(offset * TemplateQuantizer.FineBytes, TemplateQuantizer.FineBytes).Count((byte)0);
                nonZero += chunk.Scales[offset] == 0 ? 0 : 1;
                nonZero += chunk.Templates[offset] == default ? 0 : 1;
                nonZero += chunk.Residents[offset] == default ? 0 : 1;
                nonZero += chunk.Next[offset] == 0 && chunk.Previous[offset] == 0 ? 0 : 1;
            }

            return nonZero;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private static void CheckLength(ReadOnlySpan<float> embedding, string name)
    {
        if (embedding.Length != EmbeddingLength)
        {
            throw new ArgumentException($"an embedding has {EmbeddingLength} components, not {embedding.Length}", name);
        }
    }

    private static Probe PrepareProbe(ReadOnlySpan<float> probe, double[] normalised, short[] quantised)
    {
        CheckLength(probe, nameof(probe));
        if (!TemplateQuantizer.TryNormalise(probe, normalised))
        {
            throw new ArgumentException("the probe must be finite and not zero", nameof(probe));
        }

        var max = 0.0;
        for (var i = 0; i < EmbeddingLength; i++)
        {
            max = Math.Max(max, Math.Abs(normalised[i]));
        }

        var scale = max / 127;
        long sum = 0, sumAbs = 0;
        for (var i = 0; i < EmbeddingLength; i++)
        {
            var q = (short)Math.Clamp(Math.Round(normalised[i] / scale), -127, 127);
            quantised[i] = q;
            sum += q;
            sumAbs += Math.Abs(q);
        }

        return new Probe(normalised, quantised, scale, sum, sumAbs);
    }

    private bool Store(ResidentId resident, TemplateId template, ReadOnlySpan<float> embedding, bool allowReplace)
    {
        if (resident.Value is null)
        {
            throw new ArgumentException("the resident id is empty", nameof(resident));
        }

        CheckLength(embedding, nameof(embedding));
        Span<double> normalised = stackalloc double[EmbeddingLength];
        Span<sbyte> coarse = stackalloc sbyte[TemplateQuantizer.CoarseBytes];
        Span<byte> fine = stackalloc byte[TemplateQuantizer.FineBytes];
        try
        {
            if (!TemplateQuantizer.TryNormalise(embedding, normalised))
            {
                throw new ArgumentException("the embedding must be finite and not zero", nameof(embedding));
            }

            var scale = TemplateQuantizer.Quantize(normalised, coarse, fine);
            _lock.EnterWriteLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var slot = FindSlot(resident, template);
                var replaced = slot >= 0;
                if (replaced && !allowReplace)
                {
                    throw new ArgumentException($"template {template} of resident {resident} is already held", nameof(template));
                }

                if (!replaced)
                {
                    slot = _count;
                    if (slot / ChunkTemplates == _chunks.Count)
                    {
                        _chunks.Add(new Chunk());
                    }

                    _count++;
                }

                var (chunk, offset) = Locate(slot);
                if (!replaced)
                {
                    var next = _firstSlotByResident.TryGetValue(resident, out var first) ? first : -1;
                    chunk.Next[offset] = next + 1;
                    chunk.Previous[offset] = 0;
                    if (next >= 0)
                    {
                        SetPrevious(next, slot);
                    }

                    _firstSlotByResident[resident] = slot;
                    _slotByTemplate[(resident, template)] = slot;
                }

                coarse.CopyTo(chunk.Coarse.AsSpan(offset * TemplateQuantizer.CoarseBytes, TemplateQuantizer.CoarseBytes));
                fine.CopyTo(chunk.Fine.AsSpan(offset * TemplateQuantizer.FineBytes, TemplateQuantizer.FineBytes));
                chunk.Scales[offset] = scale;
                chunk.Residents[offset] = resident;
                chunk.Templates[offset] = template;
                return replaced;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
        finally
        {
            normalised.Clear();
            coarse.Clear();
            fine.Clear();
        }
    }

    private int FindSlot(ResidentId resident, TemplateId template) =>
        resident.Value is not null && _slotByTemplate.TryGetValue((resident, template), out var slot) ? slot : -1;

    private (Chunk Chunk, int Offset) Locate(int slot) => (_chunks[slot / ChunkTemplates], slot % ChunkTemplates);

    // Links are stored plus one, so that a cleared (zero) link means "none".
    private int Next(int slot)
    {
        var (chunk, offset) = Locate(slot);
        return chunk.Next[offset] - 1;
    }

    private int Previous(int slot)
    {
        var (chunk, offset) = Locate(slot);
        return chunk.Previous[offset] - 1;
    }

    private void SetNext(int slot, int next)
    {
        var (chunk, offset) = Locate(slot);
        chunk.Next[offset] = next + 1;
    }

    private void SetPrevious(int slot, int previous)
    {
        var (chunk, offset) = Locate(slot);
        chunk.Previous[offset] = previous + 1;
    }

    private void RemoveSlot(int slot)
    {
        var (chunk, offset) = Locate(slot);
        var resident = chunk.Residents[offset];
        _slotByTemplate.Remove((resident, chunk.Templates[offset]));

        // Unlink the slot from its resident's list.
        int previous = Previous(slot), next = Next(slot);
        if (previous >= 0)
        {
            SetNext(previous, next);
        }
        else if (next >= 0)
        {
            _firstSlotByResident[resident] = next;
        }
        else
        {
            _firstSlotByResident.Remove(resident);
        }

        if (next >= 0)
        {
            SetPrevious(next, previous);
        }

        // Move the last template into the freed slot so the scan stays contiguous, and relink it there.
        var last = _count - 1;
        var (lastChunk, lastOffset) = Locate(last);
        if (slot != last)
        {
            lastChunk.Coarse.AsSpan(lastOffset * TemplateQuantizer.CoarseBytes, TemplateQuantizer.CoarseBytes)
                .CopyTo(chunk.Coarse.AsSpan(offset * TemplateQuantizer.CoarseBytes));
            lastChunk.Fine.AsSpan(lastOffset * TemplateQuantizer.FineBytes, TemplateQuantizer.FineBytes)
                .CopyTo(chunk.Fine.AsSpan(offset * TemplateQuantizer.FineBytes));
            chunk.Scales[offset] = lastChunk.Scales[lastOffset];
            chunk.Residents[offset] = lastChunk.Residents[lastOffset];
            chunk.Templates[offset] = lastChunk.Templates[lastOffset];
            chunk.Next[offset] = lastChunk.Next[lastOffset];
            chunk.Previous[offset] = lastChunk.Previous[lastOffset];
            _slotByTemplate[(chunk.Residents[offset], chunk.Templates[offset])] = slot;
            int movedPrevious = Previous(slot), movedNext = Next(slot);
            if (movedPrevious >= 0)
            {
                SetNext(movedPrevious, slot);
            }
            else
            {
                _firstSlotByResident[chunk.Residents[offset]] = slot;
            }

            if (movedNext >= 0)
            {
                SetPrevious(movedNext, slot);
            }
        }

        lastChunk.ClearSlot(lastOffset);
        _count--;
        if (_count % ChunkTemplates == 0)
        {
            _chunks.RemoveAt(_chunks.Count - 1);
        }
    }

    private void ClearAll()
    {
        foreach (var chunk in _chunks)
        {
            chunk.ClearAll();
        }

        _chunks.Clear();
        _firstSlotByResident.Clear();
        _slotByTemplate.Clear();
        _count = 0;
    }

    private double ExactScore(ReadOnlySpan<double> probe, int slot)
    {
        var (chunk, offset) = Locate(slot);
        return TemplateQuantizer.Score(
            probe,
            chunk.Coarse.AsSpan(offset * TemplateQuantizer.CoarseBytes, TemplateQuantizer.CoarseBytes),
            chunk.Fine.AsSpan(offset * TemplateQuantizer.FineBytes, TemplateQuantizer.FineBytes),
            chunk.Scales[offset]);
    }

    private NearestTemplates Search(Probe probe)
    {
        var count = _count;
        var dots = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var partitions = count < _options.ParallelMinimumTemplates ? 1 : Math.Min(_options.MaximumDegreeOfParallelism, _chunks.Count);
            TopTwo lower;
            if (partitions <= 1)
            {
                lower = Scan(probe, dots, 0, _chunks.Count);
            }
            else
            {
                var results = new TopTwo[partitions];
                var chunksPerPartition = (_chunks.Count + partitions - 1) / partitions;
                Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
                {
                    var first = Math.Min(_chunks.Count, p * chunksPerPartition);
                    results[p] = Scan(probe, dots, first, Math.Min(_chunks.Count, first + chunksPerPartition));
                });
                lower = results[0];
                for (var p = 1; p < partitions; p++)
                {
                    lower.Merge(results[p]);
                }
            }

            // Every template whose upper bound reaches the second-best (other resident's) lower bound may be in the
            // exact top two; all others provably are not.
            var cut = lower.HasSecond ? lower.SecondScore : lower.FirstScore;
            var exact = default(TopTwoMatches);
            var rescored = 0;
            for (var c = 0; c < _chunks.Count; c++)
            {
                var chunk = _chunks[c];
                var n = Math.Min(ChunkTemplates, count - (c * ChunkTemplates));
                var chunkDots = dots.AsSpan(c * ChunkTemplates, n);
                var scales = chunk.Scales;
                for (var k = 0; k < n; k++)
                {
                    if (probe.Upper(chunkDots[k], scales[k]) >= cut)
                    {
                        rescored++;
                        exact.Offer(new TemplateMatch(chunk.Residents[k], chunk.Templates[k], ExactScore(probe.Normalised, (c * ChunkTemplates) + k)));
                    }
                }
            }

            return new NearestTemplates(exact.First, exact.Second, rescored);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(dots, clearArray: true);
        }
    }

    private TopTwo Scan(Probe probe, int[] dots, int firstChunk, int endChunk)
    {
        var top = default(TopTwo);
        var entry = double.NegativeInfinity;
        ReadOnlySpan<short> quantised = probe.Quantised.AsSpan(0, EmbeddingLength);
        for (var c = firstChunk; c < endChunk; c++)
        {
            var chunk = _chunks[c];
            var n = Math.Min(ChunkTemplates, _count - (c * ChunkTemplates));
            var chunkDots = dots.AsSpan(c * ChunkTemplates, n);
            Int8DotProduct.DotMany(quantised, chunk.Coarse, chunkDots);
            var scales = chunk.Scales;
            for (var k = 0; k < n; k++)
            {
                var lowerBound = probe.Lower(chunkDots[k], scales[k]);
                if (lowerBound > entry)
                {
                    top.Offer(lowerBound, chunk.Residents[k]);
                    entry = top.HasSecond ? top.SecondScore : double.NegativeInfinity;
                }
            }
        }

        return top;
    }

    // The stored component is τ = u·(H + L/64) with u = 64·s/8191; the probe p = sp·(P + ε), |ε| ≤ 1/2. Then
    // p·τ = sp·u·Σ P(H + 1/2) + sp·u·Σ P(L/64 − 1/2) + sp·Σ ε τ, and the last two terms are bounded by
    // sp·u·Σ|P|/2 and sp·Σ|τ|/2. So with dot = Σ P·H, p·τ lies within
    // sp·u·(dot + (ΣP ∓ Σ|P|)/2) ∓ (sp·Σ|τ|/2 + slack).
    private sealed class Probe(double[] normalised, short[] quantised, double scale, long sum, long sumAbs)
    {
        private readonly double _perScale = 64.0 * scale / TemplateQuantizer.Levels;
        private readonly double _lowerOffset = 0.5 * (sum - sumAbs);
        private readonly double _upperOffset = 0.5 * (sum + sumAbs);
        private readonly double _constant = (0.5 * scale * TemplateL1Bound) + ErrorSlack;

        public double[] Normalised { get; } = normalised;

        public short[] Quantised { get; } = quantised;

        public double Lower(int dot, float templateScale) => (_perScale * templateScale * (dot + _lowerOffset)) - _constant;

        public double Upper(int dot, float templateScale) => (_perScale * templateScale * (dot + _upperOffset)) + _constant;
    }

    private sealed class Chunk
    {
        public sbyte[] Coarse { get; } = new sbyte[ChunkTemplates * TemplateQuantizer.CoarseBytes];

        public byte[] Fine { get; } = new byte[ChunkTemplates * TemplateQuantizer.FineBytes];

        public float[] Scales { get; } = new float[ChunkTemplates];

        public ResidentId[] Residents { get; } = new ResidentId[ChunkTemplates];

        public TemplateId[] Templates { get; } = new TemplateId[ChunkTemplates];

        public int[] Next { get; } = new int[ChunkTemplates];

        public int[] Previous { get; } = new int[ChunkTemplates];

        public void ClearSlot(int offset)
        {
            Coarse.AsSpan(offset * TemplateQuantizer.CoarseBytes, TemplateQuantizer.CoarseBytes).Clear();
            Fine.AsSpan(offset * TemplateQuantizer.FineBytes, TemplateQuantizer.FineBytes).Clear();
            Scales[offset] = 0;
            Residents[offset] = default;
            Templates[offset] = default;
            Next[offset] = 0;
            Previous[offset] = 0;
        }

        public void ClearAll()
        {
            Array.Clear(Coarse);
            Array.Clear(Fine);
            Array.Clear(Scales);
            Array.Clear(Residents);
            Array.Clear(Templates);
            Array.Clear(Next);
            Array.Clear(Previous);
        }
    }

    // The top two scores of distinct residents among those offered. The top two of a union of parts are among
    // the parts' own top twos, so partial scans merge by offering each other's entries.
    private struct TopTwo
    {
        public bool HasFirst;
        public bool HasSecond;
        public double FirstScore;
        public double SecondScore;
        public ResidentId FirstResident;
        public ResidentId SecondResident;

        public void Offer(double score, ResidentId resident)
        {
            if (!HasFirst)
            {
                (HasFirst, FirstScore, FirstResident) = (true, score, resident);
            }
            else if (score > FirstScore)
            {
                if (resident != FirstResident)
                {
                    (HasSecond, SecondScore, SecondResident) = (true, FirstScore, FirstResident);
                    FirstResident = resident;
                }

                FirstScore = score;
            }
            else if (resident != FirstResident && (!HasSecond || score > SecondScore))
            {
                (HasSecond, SecondScore, SecondResident) = (true, score, resident);
            }
        }

        public void Merge(TopTwo other)
        {
            if (other.HasFirst)
            {
                Offer(other.FirstScore, other.FirstResident);
            }

            if (other.HasSecond)
            {
                Offer(other.SecondScore, other.SecondResident);
            }
        }
    }

    private struct TopTwoMatches
    {
        public TemplateMatch? First;
        public TemplateMatch? Second;

        public void Offer(TemplateMatch match)
        {
            if (First is not { } first)
            {
                First = match;
            }
            else if (match.Score > first.Score)
            {
                if (match.Resident != first.Resident)
                {
                    Second = first;
                }

                First = match;
            }
            else if (match.Resident != first.Resident && (Second is not { } second || match.Score > second.Score))
            {
                Second = match;
            }
        }
    }
}
