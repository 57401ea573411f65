using GateController.Core.Residents;
using GateController.Vision.Face;
using GateController.Vision.Imaging;
using GateController.Vision.Matching;
using GateController.Vision.Tests.Imaging;
using GateController.Vision.Tests.Onnx;

namespace GateController.Vision.Tests.Face;

public sealed class FaceEnrollmentServiceTests(FacePipelineFixture fixture) : IClassFixture<FacePipelineFixture>
{
    private readonly FaceEnrollmentService _service = new(fixture.Pipeline);

    [Fact]
    public void TryCreateTemplate_OneFace_WritesTheEmbeddingOfThatFace()
    {
        using var frame = FaceTestFrames.SingleFace640x480();
        var template = new float[FaceEmbedder.EmbeddingLength];

        Assert.True(_service.TryCreateTemplate(frame, template, out var result), result.Problem);

        Assert.True(result.Created);
        Assert.Equal(1, result.FaceCount);
        fixture.Pipeline.TryProcess(frame, LivenessRequirement.Skipped, out var direct);
        using (direct)
        {
            Assert.Equal(direct.Embedding.ToArray(), template);
        }
    }

    [Fact]
    public void TryCreateTemplate_GroupPhotoFile_TooManyFacesAndTemplateUntouched()
    {
        var template = new float[FaceEmbedder.EmbeddingLength];

        Assert.False(_service.TryCreateTemplate(SamplePhotoFaces.PhotoPath(5), template, out var result));

        Assert.Equal(FaceFrameOutcome.TooManyFaces, result.Outcome);
        Assert.Equal(5, result.FaceCount);
        Assert.Contains("exactly one", result.Problem, StringComparison.Ordinal);
        Assert.All(template, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void TryCreateTemplate_NoFace_NoFaceOutcome()
    {
        using var blank = TestImages.Gradient(640, 480);

        Assert.False(_service.TryCreateTemplate(blank, new float[FaceEmbedder.EmbeddingLength], out var result));

        Assert.Equal(FaceFrameOutcome.NoFace, result.Outcome);
        Assert.Equal(0, result.FaceCount);
    }

    [Fact]
    public void TryCreateTemplate_WrongTemplateLength_Throws()
    {
        using var frame = FaceTestFrames.SingleFace640x480();

        Assert.Throws<ArgumentException>(() => _service.TryCreateTemplate(frame, new float[128], out _));
    }

    [Fact]
    public void TryCreateTemplate_PngNamedJpeg_ThrowsNamingFileAndProblem()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "resident.jpg");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        var exception = Assert.Throws<InvalidDataException>(() => _service.TryCreateTemplate(path, new float[FaceEmbedder.EmbeddingLength], out _));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("PNG", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreateTemplate_TruncatedJpeg_ThrowsNamingFile()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "truncated.jpg");
        var bytes = File.ReadAllBytes(SamplePhotoFaces.PhotoPath(3));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        var exception = Assert.Throws<InvalidDataException>(() => _service.TryCreateTemplate(path, new float[FaceEmbedder.EmbeddingLength], out _));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_EnrolledFace_NamesTheResidentWithScore()
    {
        using var frame = FaceTestFrames.SingleFace640x480();
        var template = new float[FaceEmbedder.EmbeddingLength];
        Assert.True(_service.TryCreateTemplate(frame, template, out _));
        using var index = new TemplateIndex();
        index.Add(ResidentId.Parse("R7"), new TemplateId(1), template);
        using var moved = AffineWarper.Warp(frame, AffineTransform.CreateTranslation(20, -10), 640, 480);

        var identification = _service.Identify(moved, new FaceMatcher(index, new FaceMatcherOptions { Threshold = 0.7 }));

        Assert.Equal(FaceFrameOutcome.Embedded, identification.Outcome);
        Assert.Equal(1, identification.FaceCount);
        Assert.Equal(ResidentId.Parse("R7"), identification.Resident);
        Assert.True(identification.Score > 0.7, $"score {identification.Score}");
        Assert.NotNull(identification.LivenessScore);
    }

    [Fact]
    public void Identify_StrangerAgainstGallery_NoResident()
    {
        using var frame = FaceTestFrames.SingleFace640x480();
        using var index = new TemplateIndex();
        var other = new float[FaceEmbedder.EmbeddingLength];
        using (var photo = new JpegDecoder().DecodeFile(SamplePhotoFaces.PhotoPath(6), ImagePixelFormat.Rgb24))
        using (var single = AffineWarper.Warp(photo, AffineTransform.CreateTranslation(0, -300), 640, 480))
        {
            Assert.True(_service.TryCreateTemplate(single, other, out var enrolled), enrolled.Problem);
        }

        index.Add(ResidentId.Parse("R1"), new TemplateId(1), other);

        var identification = _service.Identify(frame, new FaceMatcher(index, new FaceMatcherOptions { Threshold = 0.7 }));

        Assert.Equal(FaceFrameOutcome.Embedded, identification.Outcome);
        Assert.Null(identification.Resident);
        Assert.Equal(IdentificationOutcome.NoMatch, identification.Match!.Value.Outcome);
    }

    [Fact]
    public void Identify_MissingFile_ThrowsFileNotFound()
    {
        using var index = new TemplateIndex();

        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "missing", "photo.jpg");

        var exception = Assert.Throws<FileNotFoundException>(() => _service.Identify(path, new FaceMatcher(index, new FaceMatcherOptions())));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }
}
