using GateController.Vision.Face;
using GateController.Vision.Tests.Onnx;

namespace GateController.Vision.Tests.Face;

/// <summary>One pipeline with the default options, shared by a test class.</summary>
public sealed class FacePipelineFixture : IDisposable
{
    public FacePipeline Pipeline { get; } = FacePipeline.Open(
        OnnxTestEnvironment.Runtime, OnnxTestEnvironment.Manifest, FaceTestFrames.ModelDirectory, new FacePipelineOptions());

    public void Dispose() => Pipeline.Dispose();
}
