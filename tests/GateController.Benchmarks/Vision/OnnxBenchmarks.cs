using BenchmarkDotNet.Attributes;
using GateController.Vision.Onnx;

namespace GateController.Benchmarks.Vision;

/// <summary>
/// fr_feature (112×112 face → 512 floats) through our ONNX Runtime binding with 2 intra-op threads.
/// Compare with OnnxNodeBaseline.js (onnxruntime-node, same library, model, input and settings);
/// the target is at most 5 % slower. The original model, with its denormal weights, shows what the
/// prepare step of models/fetch buys.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class OnnxBenchmarks
{
    private OnnxRuntime? _runtime;
    private OnnxSession? _prepared;
    private OnnxSession? _preparedSpinning;
    private OnnxSession? _original;
    private OnnxRunner? _preparedRunner;
    private OnnxRunner? _preparedSpinningRunner;
    private OnnxRunner? _originalRunner;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryLayout.Root;
        var manifest = ModelManifest.Load(Path.Combine(root, "models", "manifest.json"));
        var feature = manifest["fr_feature"];
        var preparedPath = Path.Combine(root, "artifacts", "models", feature.File);
        var originalPath = Path.Combine(root, "artifacts", "models", "original", feature.File);

        _runtime = OnnxRuntime.Create(new OnnxRuntimeOptions());
        _prepared = _runtime.OpenSession(preparedPath, new OnnxSessionOptions { IntraOpThreadCount = 2, ExpectedSha256 = feature.InstalledSha256 });
        _preparedSpinning = _runtime.OpenSession(
            preparedPath, new OnnxSessionOptions { IntraOpThreadCount = 2, AllowSpinning = true, ExpectedSha256 = feature.InstalledSha256 });
        _original = _runtime.OpenSession(originalPath, new OnnxSessionOptions { IntraOpThreadCount = 2, ExpectedSha256 = feature.Sha256 });
        _preparedRunner = Prepare(_prepared);
        _preparedSpinningRunner = Prepare(_preparedSpinning);
        _originalRunner = Prepare(_original);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _preparedRunner?.Dispose();
        _preparedSpinningRunner?.Dispose();
        _originalRunner?.Dispose();
        _prepared?.Dispose();
        _preparedSpinning?.Dispose();
        _original?.Dispose();
        _runtime?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "fr_feature prepared, 2 threads, no spinning")]
    public void FeaturePrepared() => _preparedRunner!.Run();

    [Benchmark(Description = "fr_feature prepared, 2 threads, spinning")]
    public void FeaturePreparedSpinning() => _preparedSpinningRunner!.Run();

    [Benchmark(Description = "fr_feature original (denormals), 2 threads, no spinning")]
    public void FeatureOriginal() => _originalRunner!.Run();

    private static OnnxRunner Prepare(OnnxSession session)
    {
        var runner = session.CreateRunner();
        var input = runner.Input("input").Span;
        // Same input as OnnxNodeBaseline.js and the reference-vector test.
        for (var index = 0; index < input.Length; index++)
        {
            input[index] = ((((index * 7919L) + 13) % 251) - 127) / 128f;
        }
        return runner;
    }
}
