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

    /// <summary>
    /// Loads the models and fills the index from <paramref name="store"/>. Never throws for a missing, tampered or
    /// unloadable model: the component is then unavailable with the reason.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static FaceRecognition Open(FaceRecognitionOptions options, IGateStore store)
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
            recognition.Reload();
            return recognition;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or OnnxRuntimeException
            or InvalidOperationException or DllNotFoundException or KeyNotFoundException or BadImageFormatException)
        {
            runtime?.Dispose();
            return new FaceRecognition(store, null, null, string.Empty, ex.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>Refills the index from the store: templates of residents with an active face consent only.</summary>
    public void Reload()
    {
        if (!IsAvailable)
        {
            return;
        }

        var templates = _store.LoadFaceTemplates();
        var consenting = new Dictionary<ResidentId, bool>();
        lock (_gate)
        {
            _index.Clear();
            var next = 1L;
            foreach (var template in templates)
            {
                if (!consenting.TryGetValue(template.Resident, out var active))
                {
                    active = HasActiveConsent(template.Resident);
                    consenting[template.Resident] = active;
                }

                if (active && string.Equals(template.ModelId, _modelId, StringComparison.Ordinal))
                {
                    _index.Add(template.Resident, new TemplateId(next++), template.Embedding.Span);
                }
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
                Reload();
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
        Reload();
        return deleted;
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

    private bool HasActiveConsent(ResidentId resident) =>
        _store.TryGetResident(resident, out var found) && found.Status == ResidentStatus.Active
        && _store.ListConsents(resident).Any(c => c.Kind == ConsentKind.Face && c.IsActive);
}
