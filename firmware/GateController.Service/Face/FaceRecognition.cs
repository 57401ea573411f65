using System.Buffers;
using GateController.Core.Consents;
using GateController.Core.Residents;
using GateController.Storage;
using GateController.Storage.Records;
using GateController.Vision.Face;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Onnx;

namespace GateController.Service.Face;

/// <summary>
/// The service's optional face component: the pipeline over the installed models and the in-memory index of the
/// templates of residents with an active face consent (P2). If the models cannot be loaded the service runs without
/// it and says why (<see cref="UnavailableReason"/>). Photos are decoded into pooled buffers that are cleared, and
/// the caller's photo bytes are cleared after use (P5); nothing here writes a photo anywhere. Thread-safe.
/// </summary>
public sealed class FaceRecognition : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IGateStore _store;
    private readonly OnnxRuntime? _runtime;
    private readonly FacePipeline? _pipeline;
    private readonly FaceEnrollmentService? _enrollment;
    private readonly TemplateIndex _index = new();
    private readonly FaceMatcher _matcher;
    private readonly string _modelId;
    private readonly List<FaceGateReader> _cameras = [];
    private long _templateUseFaults;
    private int _damagedTemplateCount;

    private FaceRecognition(IGateStore store, OnnxRuntime? runtime, FacePipeline? pipeline, string modelId, string? unavailableReason)
    {
        _store = store;
        _runtime = runtime;
        _pipeline = pipeline;
        _enrollment = pipeline is null ? null : new FaceEnrollmentService(pipeline);
        _matcher = new FaceMatcher(_index, new FaceMatcherOptions());
        _modelId = modelId;
        UnavailableReason = unavailableReason;
    }

    /// <summary>Whether the models are loaded.</summary>
    public bool IsAvailable => _pipeline is not null;

    /// <summary>Why the face component is not available, or null when it is.</summary>
    public string? UnavailableReason { get; }

    /// <summary>Templates in the index (residents with active consent only).</summary>
    public int TemplateCount
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Stored templates skipped by the last load because they were damaged or failed authentication.</summary>
    public int DamagedTemplateCount => Volatile.Read(ref _damagedTemplateCount);

    /// <summary>
    /// Loads the models and fills the index from <paramref name="store"/>. Never throws for a missing, tampered or
    /// unloadable model: the component is then unavailable with the reason.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> stopped the load; nothing is kept.</exception>
    public static FaceRecognition Open(FaceRecognitionOptions options, IGateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        if (!options.Enabled)
        {
            return new FaceRecognition(store, null, null, string.Empty, "face recognition is disabled in the configuration (Face:Enabled)");
        }

        OnnxRuntime? runtime = null;
        try
        {
            var manifest = ModelManifest.Load(options.EffectiveManifestPath);
            runtime = OnnxRuntime.Create(new OnnxRuntimeOptions { LibraryPath = options.OnnxRuntimeLibraryPath });
            var pipeline = FacePipeline.Open(
                runtime, manifest, options.ModelDirectory, new FacePipelineOptions { IntraOpThreadCount = options.IntraOpThreadCount, Liveness = LivenessRequirement.Measured });
            var feature = manifest["fr_feature"];
            var recognition = new FaceRecognition(store, runtime, pipeline, $"{feature.Name}:{feature.InstalledSha256[..16]}", null);
            try
            {
                recognition.Reload(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                recognition.Dispose();
                throw;
            }

            return recognition;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or OnnxRuntimeException
            or InvalidOperationException or DllNotFoundException or KeyNotFoundException or BadImageFormatException)
        {
            runtime?.Dispose();
            return new FaceRecognition(store, null, null, string.Empty, ex.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>The id of the embedding model in use (manifest name and the start of its sha256), empty when unavailable.</summary>
    public string ModelId => _modelId;

    /// <summary>The manifest ids of the models in use, for health; empty when unavailable.</summary>
    public IReadOnlyList<string> ModelIds => IsAvailable ? ["fr_detect", "fr_landmark", _modelId, "fr_liveness"] : [];

    /// <summary>The readers whose camera can enrol (each reader attaches itself when created).</summary>
    public IReadOnlyList<string> CameraReaderIds
    {
        get
        {
            lock (_cameras)
            {
                return [.. _cameras.Select(c => c.ReaderId)];
            }
        }
    }

    /// <summary>
    /// Runs the gate pipeline on one camera frame: detection, quality, liveness (required), embedding, then 1:N
    /// identification among the consenting residents, or 1:1 verification against <paramref name="claimed"/> when set
    /// (card+face). A match is checked against the store's consent once more; a resident found without an active face
    /// consent is dropped from the index and the probe is unmatched. Nothing of the probe is kept or logged: the
    /// embedding is cleared before returning and only a matched resident's id leaves (P5).
    /// </summary>
    /// <exception cref="FaceRecognitionException">The component is unavailable.</exception>
    public FaceProbeResult Probe(ImageBuffer frame, ResidentId? claimed = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var pipeline = _pipeline ?? throw new FaceRecognitionException($"face pipeline unavailable: {UnavailableReason}");
        ResidentId matched;
        lock (_gate)
        {
            pipeline.TryProcess(frame, LivenessRequirement.Required, out var result);
            using (result)
            {
                switch (result.Outcome)
                {
                    case FaceFrameOutcome.NoFace:
                        return new FaceProbeResult(FaceProbeOutcome.NoFace, null);
                    case FaceFrameOutcome.TooManyFaces or FaceFrameOutcome.QualityRejected:
                        return new FaceProbeResult(FaceProbeOutcome.QualityRejected, null);
                    case FaceFrameOutcome.LivenessFailed:
                        return new FaceProbeResult(FaceProbeOutcome.LivenessFailed, null);
                }

                if (claimed is { } resident)
                {
                    if (!_matcher.Verify(resident, result.Embedding).Accepted)
                    {
                        return new FaceProbeResult(FaceProbeOutcome.Unmatched, null);
                    }

                    matched = resident;
                }
                else
                {
                    var found = _matcher.Identify(result.Embedding);
                    if (!found.Identified || found.Resident is not { } identified)
                    {
                        return new FaceProbeResult(FaceProbeOutcome.Unmatched, null);
                    }

                    matched = identified;
                }
            }
        }

        if (!HasActiveConsent(matched))
        {
            DropResident(matched);
            return new FaceProbeResult(FaceProbeOutcome.Unmatched, null);
        }

        RecordTemplateUse(matched);
        return new FaceProbeResult(FaceProbeOutcome.Matched, matched);
    }

    /// <summary>Store writes that failed while recording a template's use after a match (the match still counts).</summary>
    public long TemplateUseFaults => Interlocked.Read(ref _templateUseFaults);

    /// <summary>Whether the index holds a template of <paramref name="resident"/> (a card+face verification can run).</summary>
    public bool HasTemplates(ResidentId resident)
    {
        var probe = ArrayPool<float>.Shared.Rent(TemplateIndex.EmbeddingLength);
        try
        {
            var span = probe.AsSpan(0, TemplateIndex.EmbeddingLength);
            span.Clear();
            span[0] = 1;
            return _index.ScoreResident(resident, span) is not null;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(probe, clearArray: true);
        }
    }

    /// <summary>
    /// Drops a resident's templates from the in-memory index at once (consent withdrawn at the gate or in the office,
    /// resident moved out): the next probe of that face does not match. The store is not touched; the caller deletes
    /// the stored templates through the store's audited operation. Returns how many templates were dropped.
    /// </summary>
    public int DropResident(ResidentId resident)
    {
        if (!IsAvailable)
        {
            return 0;
        }

        lock (_gate)
        {
            return _index.RemoveResident(resident);
        }
    }

    /// <summary>
    /// Enrols <paramref name="resident"/> live from a gate camera: collects <paramref name="frameCount"/> good frames
    /// (one face passing the quality and liveness gates, the same face as the first good frame), reports the reason
    /// for every refused frame, averages them into one template and stores it encrypted. Refused without an active face
    /// consent (P2); no frame is stored (P5).
    /// </summary>
    /// <param name="resident">Whose face.</param>
    /// <param name="frameCount">Good frames to collect, 1–20.</param>
    /// <param name="operatorId">Who enrols, for the audit log.</param>
    /// <param name="readerId">The camera's reader; the only one when null.</param>
    /// <param name="cancellationToken">Stops the collection; nothing is stored then.</param>
    /// <exception cref="FaceRecognitionException">Unavailable, no such camera, no consent, or an enrolment already running there.</exception>
    public Task<FaceCameraEnrollmentReport> EnrollFromCameraAsync(
        ResidentId resident, int frameCount, string operatorId, string? readerId, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            throw new FaceRecognitionException($"face pipeline unavailable: {UnavailableReason}");
        }

        FaceGateReader camera;
        lock (_cameras)
        {
            var candidates = _cameras.Where(c => readerId is null || string.Equals(c.ReaderId, readerId, StringComparison.Ordinal)).ToList();
            camera = candidates.Count switch
            {
                1 => candidates[0],
                0 when readerId is not null => throw new FaceRecognitionException($"no gate camera '{readerId}' on this unit; cameras: {Names(_cameras)}"),
                0 => throw new FaceRecognitionException("no gate camera runs face recognition on this unit"),
                _ => throw new FaceRecognitionException($"this unit has several gate cameras ({Names(_cameras)}); name one (reader)"),
            };
        }

        return camera.EnrollAsync(resident, frameCount, operatorId, cancellationToken);
    }

    /// <summary>
    /// Marks the matched resident's stored templates as used now, so the retention job's unused-template rule (P9)
    /// counts from the last match, not from enrolment. A failed write is counted, never fatal to the match.
    /// </summary>
    private void RecordTemplateUse(ResidentId resident)
    {
        try
        {
            _store.RecordFaceMatch(resident, _modelId);
        }
        catch (StoreException)
        {
            Interlocked.Increment(ref _templateUseFaults);
        }
    }

    /// <summary>
    /// Adds one stored template to the index under its store number (so adding it twice keeps one copy); the
    /// caller holds <c>_gate</c>.
    /// </summary>
    private void AddToIndex(ResidentId resident, long templateNumber, ReadOnlySpan<float> embedding) =>
        _index.AddOrReplace(resident, new TemplateId(templateNumber), embedding);

    /// <summary>
    /// Refills the index from the store: the templates of this model of active residents with an active face consent
    /// (P2), streamed one at a time straight into the quantised index; no decrypted embedding outlives its row. A
    /// damaged row is counted (<see cref="DamagedTemplateCount"/>) and skipped. Probes wait while it runs.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> stopped the load; the index is left empty.</exception>
    public FaceTemplateLoadReport Reload(CancellationToken cancellationToken = default)
    {
        if (!IsAvailable)
        {
            return default;
        }

        lock (_gate)
        {
            _index.Clear();
            var unusable = 0;
            try
            {
                var report = _store.StreamConsentedFaceTemplates(
                    _modelId,
                    (resident, number, embedding) =>
                    {
                        if (embedding.Length != TemplateIndex.EmbeddingLength)
                        {
                            unusable++;
                            return;
                        }

                        try
                        {
                            AddToIndex(resident, number, embedding);
                        }
                        catch (ArgumentException)
                        {
                            // Authentic but unusable (not finite, or all zero): counted like a damaged row.
                            unusable++;
                        }
                    },
                    cancellationToken);
                report = new FaceTemplateLoadReport(report.Loaded - unusable, report.Damaged + unusable);
                Volatile.Write(ref _damagedTemplateCount, report.Damaged);
                return report;
            }
            catch (OperationCanceledException)
            {
                _index.Clear();
                throw;
            }
        }
    }

    /// <summary>
    /// Enrols the one face of a JPEG photo for <paramref name="resident"/>, who must have an active face consent (P2).
    /// The photo bytes are cleared before returning, whatever the outcome (P5).
    /// </summary>
    /// <exception cref="FaceRecognitionException">The component is unavailable, consent is missing, or the photo is unusable (the reason in words).</exception>
    public FaceTemplateRecord Enroll(ResidentId resident, byte[] jpeg, string operatorId)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        try
        {
            var enrollment = _enrollment ?? throw new FaceRecognitionException($"face pipeline unavailable: {UnavailableReason}");
            if (!HasActiveConsent(resident))
            {
                throw new FaceRecognitionException($"resident {resident} has no active face consent; record it first (gatectl consent give), nothing was stored");
            }

            var template = ArrayPool<float>.Shared.Rent(TemplateIndex.EmbeddingLength);
            try
            {
                var span = template.AsSpan(0, TemplateIndex.EmbeddingLength);
                FaceTemplateResult result;
                bool created;
                lock (_gate)
                {
                    using var photo = Decode(jpeg);
                    created = enrollment.TryCreateTemplate(photo, span, out result);
                }

                if (!created)
                {
                    throw new FaceRecognitionException($"no template made for {resident}: {result.Problem}");
                }

                var record = _store.AddFaceTemplate(resident, _modelId, span, operatorId);
                lock (_gate)
                {
                    AddToIndex(resident, record.Number, span);
                }

                return record;
            }
            finally
            {
                ArrayPool<float>.Shared.Return(template, clearArray: true);
            }
        }
        finally
        {
            Array.Clear(jpeg);
        }
    }

    /// <summary>
    /// Identifies the largest face of a JPEG photo against the consenting residents; stores nothing. The photo bytes
    /// are cleared before returning (P5).
    /// </summary>
    /// <exception cref="FaceRecognitionException">The component is unavailable or the photo is not a decodable JPEG.</exception>
    public FaceIdentificationReport Identify(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        try
        {
            var enrollment = _enrollment ?? throw new FaceRecognitionException($"face pipeline unavailable: {UnavailableReason}");
            lock (_gate)
            {
                using var photo = Decode(jpeg);
                var found = enrollment.Identify(photo, _matcher);
                var score = found.Score is { } best && double.IsFinite(best) ? best : 0;
                return new FaceIdentificationReport(found.FaceCount, found.Match is { Identified: true } ? found.Resident : null, score, found.Problem);
            }
        }
        finally
        {
            Array.Clear(jpeg);
        }
    }

    /// <summary>Deletes a resident's face templates (audited by the store) and drops them from the index.</summary>
    public int Remove(ResidentId resident, string operatorId)
    {
        var deleted = _store.DeleteFaceData(resident, operatorId);
        DropResident(resident);
        return deleted;
    }

    /// <summary>Throws the P2 refusal when <paramref name="resident"/> has no active face consent.</summary>
    internal void RequireActiveConsent(ResidentId resident)
    {
        if (!HasActiveConsent(resident))
        {
            throw new FaceRecognitionException($"resident {resident} has no active face consent; record it first (gatectl consent give), nothing was stored");
        }
    }

    /// <summary>
    /// One live-enrolment frame: true with the embedding in <paramref name="embedding"/> when it shows exactly one face
    /// that passes the quality and liveness gates; otherwise false with the reason in words (no biometric data).
    /// </summary>
    internal bool TryEmbedEnrollmentFrame(ImageBuffer frame, Span<float> embedding, out string problem)
    {
        var pipeline = _pipeline ?? throw new FaceRecognitionException($"face pipeline unavailable: {UnavailableReason}");
        lock (_gate)
        {
            pipeline.TryProcess(frame, LivenessRequirement.Required, out var result);
            using (result)
            {
                if (!result.HasEmbedding)
                {
                    problem = result.Describe();
                    return false;
                }

                result.Embedding.CopyTo(embedding);
                problem = string.Empty;
                return true;
            }
        }
    }

    /// <summary>1:N identification of an embedding among the indexed templates, with no consent re-check and no store write.</summary>
    internal ResidentId? IdentifyEmbedding(ReadOnlySpan<float> embedding)
    {
        lock (_gate)
        {
            var found = _matcher.Identify(embedding);
            return found.Identified ? found.Resident : null;
        }
    }

    /// <summary>The cosine similarity threshold of a match.</summary>
    internal double MatchThreshold => _matcher.Threshold;

    /// <summary>Stores a live-enrolment template (consent checked again, P2) and adds it to the index.</summary>
    internal FaceTemplateRecord StoreTemplate(ResidentId resident, ReadOnlySpan<float> template, string operatorId)
    {
        RequireActiveConsent(resident);
        var record = _store.AddFaceTemplate(resident, _modelId, template, operatorId);
        lock (_gate)
        {
            AddToIndex(resident, record.Number, template);
        }

        return record;
    }

    internal void AttachCamera(FaceGateReader reader)
    {
        lock (_cameras)
        {
            if (_cameras.Any(c => string.Equals(c.ReaderId, reader.ReaderId, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"a gate camera named '{reader.ReaderId}' is already attached", nameof(reader));
            }

            _cameras.Add(reader);
        }
    }

    internal void DetachCamera(FaceGateReader reader)
    {
        lock (_cameras)
        {
            _cameras.Remove(reader);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _index.Dispose();
            _pipeline?.Dispose();
            _runtime?.Dispose();
        }
    }

    private static ImageBuffer Decode(byte[] jpeg)
    {
        using var decoder = new JpegDecoder();
        return decoder.TryDecode(jpeg, ImagePixelFormat.Rgb24, out var image, out var problem)
            ? image
            : throw new FaceRecognitionException($"the photo is not a usable JPEG: {problem}");
    }

    private static string Names(List<FaceGateReader> cameras) =>
        cameras.Count == 0 ? "none" : string.Join(", ", cameras.Select(c => c.ReaderId));

    private bool HasActiveConsent(ResidentId resident) =>
        _store.TryGetResident(resident, out var found) && found.Status == ResidentStatus.Active
        && _store.ListConsents(resident).Any(c => c.Kind == ConsentKind.Face && c.IsActive);
}
