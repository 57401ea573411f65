using GateController.Vision.Face;
using GateController.Vision.Imaging;
using GateController.Vision.Onnx;
using GateController.Vision.Tests.Imaging;
using GateController.Vision.Tests.Onnx;

namespace GateController.Vision.Tests.Face;

public sealed class FacePipelineTests(FacePipelineFixture fixture) : IClassFixture<FacePipelineFixture>
{
    private FacePipeline Pipeline => fixture.Pipeline;

    [Fact]
    public void TryProcess_OneFaceFrame_EmbedsUnitLengthVectorWithLivenessScore()
    {
        using var frame = FaceTestFrames.SingleFace640x480();

        var embedded = Pipeline.TryProcess(frame, LivenessRequirement.Measured, out var result);

        using (result)
        {
            Assert.True(embedded, result.Describe());
            Assert.Equal(FaceFrameOutcome.Embedded, result.Outcome);
            Assert.Single(result.Faces);
            Assert.True(result.Quality!.Accepted);
            Assert.InRange(result.LivenessScore!.Value, 0, 1);
            var squares = 0.0;
            foreach (var value in result.Embedding)
            {
                squares += value * value;
            }

            Assert.Equal(1.0, squares, 4);
        }
    }

    [Fact]
    public void TryProcess_SameFaceAsBgrAndRgb_SameEmbedding()
    {
        using var frame = FaceTestFrames.SingleFace640x480();
        using var bgr = ImageConverter.Convert(frame, ImagePixelFormat.Bgr24);

        Pipeline.TryProcess(frame, LivenessRequirement.Skipped, out var fromRgb);
        Pipeline.TryProcess(bgr, LivenessRequirement.Skipped, out var fromBgr);

        using (fromRgb)
        using (fromBgr)
        {
            Assert.Equal(fromRgb.Embedding.ToArray(), fromBgr.Embedding.ToArray());
        }
    }

    [Fact]
    public void Dispose_EmbeddedResult_ClearsThePooledEmbedding()
    {
        using var frame = FaceTestFrames.SingleFace640x480();
        Pipeline.TryProcess(frame, LivenessRequirement.Skipped, out var result);
        var pooled = result.UnderlyingEmbedding!;
        Assert.Contains(pooled, value => value != 0);

        result.Dispose();

        Assert.All(pooled, value => Assert.Equal(0f, value));
        Assert.False(result.HasEmbedding);
        Assert.Throws<InvalidOperationException>(() => result.Embedding.Length);
    }

    [Fact]
    public void TryProcess_BlankFrame_NoFace()
    {
        using var frame = TestImages.Uniform(640, 480, ImagePixelFormat.Rgb24, 128, 128, 128);

        Assert.False(Pipeline.TryProcess(frame, out var result));

        using (result)
        {
            Assert.Equal(FaceFrameOutcome.NoFace, result.Outcome);
            Assert.Empty(result.Faces);
            Assert.False(result.HasEmbedding);
            Assert.Equal("no face found", result.Describe());
        }
    }

    [Fact]
    public void TryProcess_FiveFaces_TooManyFacesWithCount()
    {
        using var photo = FaceTestFrames.FiveFaces();

        Assert.False(Pipeline.TryProcess(photo, out var result));

        using (result)
        {
            Assert.Equal(FaceFrameOutcome.TooManyFaces, result.Outcome);
            Assert.Equal(5, result.Faces.Count);
            Assert.Contains("5 faces", result.Describe(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryProcess_LivenessRequiredAndScoreBelowThreshold_LivenessFailedWithoutEmbedding()
    {
        using var strict = FacePipeline.Open(
            OnnxTestEnvironment.Runtime, OnnxTestEnvironment.Manifest, FaceTestFrames.ModelDirectory,
            new FacePipelineOptions { LivenessThreshold = 1.0, IntraOpThreadCount = 1 });
        using var frame = FaceTestFrames.SingleFace640x480();

        Assert.False(strict.TryProcess(frame, out var result));

        using (result)
        {
            Assert.Equal(FaceFrameOutcome.LivenessFailed, result.Outcome);
            Assert.NotNull(result.LivenessScore);
            Assert.False(result.HasEmbedding);
        }
    }

    [Fact]
    public void TryProcess_TinyFace_QualityRejectedTooSmall()
    {
        using var frame = FaceTestFrames.SingleFace640x480();
        using var small = ImageResizer.Resize(frame, 160, 120);

        Pipeline.TryProcess(small, out var result);

        using (result)
        {
            Assert.Equal(FaceFrameOutcome.QualityRejected, result.Outcome);
            Assert.Contains(FaceQualityRejection.TooSmall, result.Quality!.Rejections);
            Assert.Contains("TooSmall", result.Describe(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Open_TamperedModel_ThrowsNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        CopyModels(directory.Path);
        var tampered = Path.Combine(directory.Path, "fr_landmark.onnx");
        var bytes = File.ReadAllBytes(tampered);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(tampered, bytes);

        var exception = Assert.Throws<OnnxModelIntegrityException>(() => FacePipeline.Open(
            OnnxTestEnvironment.Runtime, OnnxTestEnvironment.Manifest, directory.Path, new FacePipelineOptions { IntraOpThreadCount = 1 }));

        Assert.Contains(tampered, exception.Message, StringComparison.Ordinal);
        Assert.Contains("sha256", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingModel_ThrowsNamingTheFile()
    {
        using var directory = new TemporaryDirectory();
        CopyModels(directory.Path);
        var missing = Path.Combine(directory.Path, "fr_liveness.onnx");
        File.Delete(missing);

        var exception = Assert.Throws<FileNotFoundException>(() => FacePipeline.Open(
            OnnxTestEnvironment.Runtime, OnnxTestEnvironment.Manifest, directory.Path, new FacePipelineOptions { IntraOpThreadCount = 1 }));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsNamingEverySetting()
    {
        var options = new FacePipelineOptions { DetectionScoreThreshold = 0, MaximumFaceCount = 0, LivenessThreshold = 2, IntraOpThreadCount = 0 };

        var exception = Assert.Throws<ArgumentException>(() => FacePipeline.Open(
            OnnxTestEnvironment.Runtime, OnnxTestEnvironment.Manifest, FaceTestFrames.ModelDirectory, options));

        foreach (var setting in new[] { "DetectionScoreThreshold", "MaximumFaceCount", "LivenessThreshold", "IntraOpThreadCount" })
        {
            Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
        }
    }

    private static void CopyModels(string target)
    {
        foreach (var name in new[] { "fr_detect", "fr_landmark", "fr_feature", "fr_liveness" })
        {
            File.Copy(OnnxTestEnvironment.ModelPath(name), Path.Combine(target, OnnxTestEnvironment.Manifest[name].File));
        }
    }
}
