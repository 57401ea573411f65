using BenchmarkDotNet.Attributes;
using GateController.Vision.Face;
using GateController.Vision.Imaging;
using GateController.Vision.Onnx;

namespace GateController.Benchmarks.Vision;

/// <summary>
/// A 640×480 RGB frame showing one face (cut from the demo photo sample3.jpg) through the whole face pipeline:
/// detect, landmarks, alignment, quality gate, liveness and embedding, with 2 ONNX Runtime threads per model.
/// Target: p50 ≤ 60 ms. The stages are timed alone too.
/// </summary>
[Config(typeof(FacePipelineBenchmarkConfig))]
[MemoryDiagnoser]
public class FacePipelineBenchmarks
{
    private OnnxRuntime? _runtime;
    private FacePipeline? _pipeline;
    private ImageBuffer? _frame;
    private FaceBox _face;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryLayout.Root;
        var manifest = ModelManifest.Load(Path.Combine(root, "models", "manifest.json"));
        _runtime = OnnxRuntime.Create(new OnnxRuntimeOptions());
        _pipeline = FacePipeline.Open(_runtime, manifest, Path.Combine(root, "artifacts", "models"), new FacePipelineOptions { IntraOpThreadCount = 2 });
        using var decoder = new JpegDecoder();
        using var photo = decoder.DecodeFile(Path.Combine(root, "artifacts", "photos", "sample3.jpg"), ImagePixelFormat.Rgb24);
        _frame = AffineWarper.Warp(photo, AffineTransform.CreateTranslation(-368, -227), 640, 480);
        if (!_pipeline.TryProcess(_frame, LivenessRequirement.Measured, out var result))
        {
            throw new InvalidOperationException($"the benchmark frame does not give an embedding: {result.Describe()}");
        }

        _face = result.Face!.Value;
        result.Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _frame?.Dispose();
        _pipeline?.Dispose();
        _runtime?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "640x480 frame -> embedding + liveness (2 threads)")]
    public double FrameToEmbeddingAndLiveness()
    {
        _pipeline!.TryProcess(_frame!, LivenessRequirement.Measured, out var result);
        using (result)
        {
            return result.LivenessScore!.Value + result.Embedding[0];
        }
    }

    [Benchmark(Description = "detection only (fr_detect, 320x240)")]
    public int DetectOnly() => _pipeline!.Detect(_frame!).Count;

    [Benchmark(Description = "known box -> landmarks, alignment, quality, embedding (no liveness)")]
    public float FaceWithoutLiveness()
    {
        _pipeline!.TryProcessFace(_frame!, _face, LivenessRequirement.Skipped, out var result);
        using (result)
        {
            return result.Embedding[0];
        }
    }
}
